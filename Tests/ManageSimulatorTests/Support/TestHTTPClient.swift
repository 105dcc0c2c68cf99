import Foundation
import ManageSimulator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response as the tests see it.
struct TestResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The first value of a header (case-insensitive name).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> JSONValue { try JSONValue.parse(body) }

    /// The `Link` header as `rel → URL`.
    var links: [String: String] {
        guard let value = header("Link"), !value.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for part in value.components(separatedBy: ", <") {
            let pieces = part.components(separatedBy: ">; rel=\"")
            guard pieces.count == 2 else { continue }
            let url = pieces[0].hasPrefix("<") ? String(pieces[0].dropFirst()) : pieces[0]
            out[String(pieces[1].dropLast())] = url
        }
        return out
    }
}

/// A minimal blocking HTTP/1.1 client over a POSIX socket (one request per connection), so the
/// tests exercise the simulator over a real socket without depending on another HTTP stack.
enum TestHTTPClient {
    struct ClientError: Error, CustomStringConvertible { var description: String }

    static func request(port: Int, method: String = "GET", target: String, headers: [(String, String)] = []) throws -> TestResponse {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        return try parse(exchange(port: port, bytes: Array(request.utf8)))
    }

    /// Sends raw bytes on one connection and returns everything received until the server closes it.
    static func exchange(port: Int, bytes: [UInt8]) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError(description: "socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw ClientError(description: "connect() to port \(port) failed") }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw ClientError(description: "send() failed") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw ClientError(description: "recv() failed or timed out") }
            received.append(contentsOf: buffer[0..<count])
        }
        return received
    }

    private static func parse(_ data: [UInt8]) throws -> TestResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...(max(0, data.count - 4))).first(where: { Array(data[$0..<min(data.count, $0 + 4)]) == separator }) else {
            throw ClientError(description: "no header end in response")
        }
        let lines = String(decoding: data[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ClientError(description: "bad status line \(lines[0])") }
        let headers: [(name: String, value: String)] = lines.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return TestResponse(status: status, headers: headers, body: Array(data[(end + 4)...]))
    }
}

/// Request helpers bound to one running simulator.
struct TestSession: Sendable {
    var server: SimulatorServer
    var credentials: SimulatorCredentials

    init(_ server: SimulatorServer) {
        self.server = server
        self.credentials = server.tenant.credentials
    }

    static let apiBase = "/v2025_1/apis/3.0"

    /// The headers of a correctly authenticated request.
    var authHeaders: [(String, String)] {
        let token = Data("\(credentials.companyId)+\(credentials.publicKey):\(credentials.privateKey)".utf8).base64EncodedString()
        return [("Authorization", "Basic \(token)"), ("clientId", credentials.clientId), ("Accept", "application/vnd.connectwise.com+json; version=2025.8")]
    }

    /// An authenticated GET of an API path (`/system/members?…`).
    func get(_ apiPath: String, extraHeaders: [(String, String)] = []) throws -> TestResponse {
        try TestHTTPClient.request(port: server.port, target: Self.apiBase + apiPath, headers: authHeaders + extraHeaders)
    }

    /// Follows `rel="next"` links from `apiPath`, returning every page.
    func allPages(_ apiPath: String, extraHeaders: [(String, String)] = []) throws -> [TestResponse] {
        var pages = [try get(apiPath, extraHeaders: extraHeaders)]
        while let next = pages.last?.links["next"], pages.count < 100 {
            let target = String(next.dropFirst(server.siteURL.count))
            pages.append(try TestHTTPClient.request(port: server.port, target: target, headers: authHeaders + extraHeaders))
        }
        return pages
    }
}

/// Runs `body` against a fresh simulator and shuts it down afterwards, even when `body` throws.
func withSimulator<T>(
    _ tenant: TenantFixture = DemoTenant.fixture, faults: FaultPlan = .none, _ body: (TestSession) async throws -> T
) async throws -> T {
    let server = try await SimulatorServer.start(tenant: tenant, faults: faults)
    do {
        let result = try await body(TestSession(server))
        try await server.shutdown()
        return result
    } catch {
        try? await server.shutdown()
        throw error
    }
}
