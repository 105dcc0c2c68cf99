import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A webhook receiver on 127.0.0.1 for the notification tests: records every request (method,
/// path, headers, body) and answers from a script (`500` then `200`, `429` with `Retry-After`…),
/// the last answer repeating once the script is used up.
///
/// Plain sockets and one thread per connection, like ``ConnectProxy``: a test receiver sees a
/// handful of requests and must be obviously correct. It keeps a connection open for the next
/// request (the HTTP client reuses connections) and reads each body by its `Content-Length`.
final class LoopbackReceiver: Sendable {
    /// One scripted answer.
    struct Answer: Sendable {
        var status: Int
        var headers: [(String, String)] = []
    }

    /// One request received.
    struct Request: Sendable {
        var method: String
        var path: String
        /// Header names lower-cased.
        var headers: [String: String]
        var body: Data

        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The port it listens on.
    let port: Int
    private let listener: Int32
    /// The answers still to give, the requests received and the descriptors open, shared by the
    /// connection threads.
    private let state: Mutex<(script: [Answer], received: [Request], open: Set<Int32>)>

    private init(port: Int, listener: Int32, script: [Answer]) {
        self.port = port
        self.listener = listener
        self.state = Mutex((script: script, received: [], open: []))
    }

    /// `http://127.0.0.1:PORT/path`.
    func url(_ path: String = "/hook") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request so far, in arrival order.
    var requests: [Request] { state.withLock { $0.received } }

    /// Listens on a free loopback port and answers with `script` (default: 200 to everything).
    static func start(_ script: [Answer] = [Answer(status: 200)]) throws -> LoopbackReceiver {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        let receiver = LoopbackReceiver(port: Int(UInt16(bigEndian: address.sin_port)), listener: descriptor,
                                        script: script.isEmpty ? [Answer(status: 200)] : script)
        Thread.detachNewThread { receiver.acceptLoop() }
        return receiver
    }

    /// Stops listening and closes every open connection.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for descriptor in state.withLock({ $0.open }) { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            _ = state.withLock { $0.open.insert(client) }
            Thread.detachNewThread { self.serve(client) }
        }
    }

    /// Serves requests on one connection until the client closes it.
    private func serve(_ client: Int32) {
        defer {
            _ = state.withLock { $0.open.remove(client) }
            close(client)
        }
        var buffer: [UInt8] = []
        while let request = Self.readRequest(client, buffer: &buffer) {
            let answer: Answer = state.withLock {
                $0.received.append(request)
                return $0.script.count > 1 ? $0.script.removeFirst() : $0.script[0]
            }
            var head = "HTTP/1.1 \(answer.status) Scripted\r\nContent-Length: 0\r\n"
            for (name, value) in answer.headers { head += "\(name): \(value)\r\n" }
            let bytes = Array((head + "\r\n").utf8)
            var sent = 0
            while sent < bytes.count {
                let written = bytes[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard written > 0 else { return }
                sent += written
            }
        }
    }

    /// Reads one request (head, then `Content-Length` bytes of body); nil when the connection ends.
    private static func readRequest(_ descriptor: Int32, buffer: inout [UInt8]) -> Request? {
        func fill() -> Bool {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        var headEnd: Int?
        while headEnd == nil {
            if let range = buffer.firstRange(of: [13, 10, 13, 10]) { headEnd = range.upperBound } else if !fill() { return nil }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in head.dropFirst() where line.contains(":") {
            let name = line.prefix { $0 != ":" }.lowercased()
            headers[name] = String(line.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < headEnd! + length { if !fill() { return nil } }
        let body = Data(buffer[headEnd!..<(headEnd! + length)])
        buffer.removeFirst(headEnd! + length)
        return Request(method: requestLine.first.map(String.init) ?? "", path: requestLine.count > 1 ? String(requestLine[1]) : "",
                       headers: headers, body: body)
    }
}
