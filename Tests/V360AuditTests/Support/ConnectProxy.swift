import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP `CONNECT` proxy on 127.0.0.1 for tests: records every `CONNECT` (target and
/// `Proxy-Authorization`), then tunnels bytes to the target or refuses with a fixed status.
///
/// Plain sockets and one thread per connection: a test proxy serves a handful of connections and
/// must be obviously correct. It only ever connects to 127.0.0.1; any other target is refused.
final class ConnectProxy: Sendable {
    /// What the proxy does with a `CONNECT`.
    enum Mode: Sendable {
        case tunnel
        case refuse(status: Int)
    }

    /// One `CONNECT` the proxy received.
    struct Connect: Sendable, Equatable {
        var target: String
        var proxyAuthorization: String?
    }

    /// The port it listens on.
    let port: Int
    private let mode: Mode
    private let listener: Int32
    /// The CONNECTs received and the descriptors open, shared by the connection threads.
    private let state = Mutex((received: [Connect](), open: Set<Int32>()))

    private init(port: Int, mode: Mode, listener: Int32) {
        self.port = port
        self.mode = mode
        self.listener = listener
    }

    /// Every `CONNECT` so far, in order.
    var connects: [Connect] { state.withLock { $0.received } }

    /// Listens on a free loopback port.
    static func start(mode: Mode = .tunnel) throws -> ConnectProxy {
        let (descriptor, port) = try listen()
        let proxy = ConnectProxy(port: port, mode: mode, listener: descriptor)
        Thread.detachNewThread { proxy.acceptLoop() }
        return proxy
    }

    /// Stops listening and closes every open connection.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for descriptor in state.withLock({ $0.open }) { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    // MARK: - Connections

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            track(client)
            Thread.detachNewThread { self.serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { untrack(client) }
        guard let head = Self.readHead(client) else { return }
        let lines = head.components(separatedBy: "\r\n")
        let request = lines[0].split(separator: " ")
        let target = request.count >= 2 ? String(request[1]) : ""
        let authorization = lines.dropFirst().first { $0.lowercased().hasPrefix("proxy-authorization:") }
            .map { String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces) }
        state.withLock { $0.received.append(Connect(target: target, proxyAuthorization: authorization)) }
        let parts = target.split(separator: ":")
        guard case .tunnel = mode, request.first == "CONNECT", parts.count == 2,
              parts[0] == "127.0.0.1" || parts[0] == "localhost", let port = Int(parts[1]),
              let upstream = Self.connectLoopback(port: port) else {
            let status: Int
            if case .refuse(let refused) = mode { status = refused } else { status = 502 }
            Self.reply("HTTP/1.1 \(status) Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", to: client)
            return
        }
        track(upstream)
        defer { untrack(upstream) }
        Self.reply("HTTP/1.1 200 Connection established\r\n\r\n", to: client)
        Self.pump(client, upstream)
    }

    private func track(_ descriptor: Int32) { _ = state.withLock { $0.open.insert(descriptor) } }

    private func untrack(_ descriptor: Int32) {
        _ = state.withLock { $0.open.remove(descriptor) }
        close(descriptor)
    }

    // MARK: - Sockets

    private static func listen() throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, bound == 0, Glibc.listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    private static func connectLoopback(port: Int) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// The request head, read one byte at a time so no tunnel byte is consumed with it.
    private static func readHead(_ descriptor: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 16_384 {
            guard read(descriptor, &byte, 1) == 1 else { return nil }
            bytes.append(byte)
            if bytes.suffix(4) == [13, 10, 13, 10] { return String(decoding: bytes, as: UTF8.self) }
        }
        return nil
    }

    private static func reply(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return }
            sent += written
        }
    }

    /// Copies bytes both ways until either side closes.
    private static func pump(_ first: Int32, _ second: Int32) {
        var descriptors = [pollfd(fd: first, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while poll(&descriptors, 2, 30_000) > 0 {
            for index in 0..<2 where descriptors[index].revents != 0 {
                let count = read(descriptors[index].fd, &buffer, buffer.count)
                guard count > 0 else { return }
                let other = descriptors[1 - index].fd
                var sent = 0
                while sent < count {
                    // MSG_NOSIGNAL: a peer that has gone must not kill the test process with SIGPIPE.
                    let written = buffer[sent..<count].withUnsafeBytes { Glibc.send(other, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    guard written > 0 else { return }
                    sent += written
                }
            }
        }
    }
}
