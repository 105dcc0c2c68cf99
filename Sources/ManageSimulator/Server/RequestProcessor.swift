import Foundation
import NIOHTTP1

/// Turns one HTTP request into the simulator's response: method check, companyinfo, the API
/// prefix, authentication, faults, routing, and the request log entry.
struct RequestProcessor: Sendable {
    /// Codebases the API answers under: the one companyinfo announces, and the "universal"
    /// `v4_6_release` that many clients hard-code.
    static let codebase = "v2025_1/"
    static let apiPrefixes = ["/v2025_1/apis/3.0/", "/v4_6_release/apis/3.0/"]

    let fixture: TenantFixture
    let faults: FaultPlan
    let state: SimulatorState
    /// `http` or `https`: the scheme of the absolute `Link` URLs.
    var scheme = "http"
    /// Answers already built, when the faults are latency alone (nothing else varies between two
    /// equal requests).
    let cache = ResponseCache()

    /// The response to send and how long to wait before sending it.
    func process(head: HTTPRequestHead, port: Int) -> (SimulatorResponse, delay: Duration) {
        let (path, query) = Self.split(head.uri)
        let response: SimulatorResponse
        if faults.throttle == nil && faults.pathFaults.isEmpty && head.method == .GET {
            let key = [head.uri, head.headers["pagination-type"].first ?? "", head.headers["authorization"].first ?? "",
                       head.headers["clientid"].first ?? ""].joined(separator: "\n")
            response = cache.response(key) { respond(head: head, path: path, query: query, port: port) }
        } else {
            response = respond(head: head, path: path, query: query, port: port)
        }
        state.append(
            LoggedRequest(
                method: head.method.rawValue, path: path, query: query, status: response.status,
                headerNames: head.headers.map { $0.name.lowercased() }))
        return (response, faults.latency)
    }

    private func respond(head: HTTPRequestHead, path: String, query: String, port: Int) -> SimulatorResponse {
        guard head.method == .GET else {
            return .error(405, code: "MethodNotAllowed", message: "The simulator is read-only: only GET is allowed", headers: [("Allow", "GET")])
        }
        let lowered = path.lowercased()
        if lowered.hasPrefix("/login/companyinfo/") {
            return applyPathFaults(path: path, to: companyInfo(String(path.dropFirst("/login/companyinfo/".count))))
        }
        guard let prefix = Self.apiPrefixes.first(where: { lowered.hasPrefix($0) }) else {
            return .error(404, code: "NotFound", message: "No API under this path; the codebase is \(Self.codebase)")
        }
        if let throttle = faults.throttle {
            let number = state.nextAPIRequestNumber()
            if number % max(1, throttle.every) == 0 {
                return .error(
                    429, code: "TooManyRequests",
                    message: "Too many requests. Please try again in \(throttle.retryAfterSeconds) seconds.",
                    headers: [("Retry-After", String(throttle.retryAfterSeconds))])
            }
        }
        if let failure = authenticate(head.headers) { return failure }
        let list = ListResponder(
            path: path, query: QueryString(query),
            forwardOnly: head.headers["pagination-type"].first?.lowercased() == "forward-only",
            baseURL: "\(scheme)://127.0.0.1:\(port)")
        let apiPath = String(path.dropFirst(prefix.count))
        return applyPathFaults(path: path) { APIRouter(fixture: fixture).respond(apiPath: apiPath, list: list) }
    }

    private func companyInfo(_ companyId: String) -> SimulatorResponse {
        guard companyId.removingPercentEncoding?.lowercased() == fixture.credentials.companyId.lowercased() else {
            return .error(404, code: "NotFound", message: "Company not found")
        }
        return .json([
            "CompanyName": .string(fixture.companyName),
            "Codebase": .string(Self.codebase),
            "VersionCode": "v2025.1",
            "VersionNumber": "v2025.1.101462",
            "CompanyID": .string(fixture.credentials.companyId),
            "IsCloud": "False",
        ])
    }

    /// Checks Basic `companyId+publicKey:privateKey` and the `clientId` header. Messages never
    /// echo what was sent.
    private func authenticate(_ headers: HTTPHeaders) -> SimulatorResponse? {
        let credentials = fixture.credentials
        let unauthorized: (String) -> SimulatorResponse = { .error(401, code: "Unauthorized", message: $0) }
        guard let authorization = headers["Authorization"].first else {
            return unauthorized("Authorization header is missing")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let decoded = Data(base64Encoded: String(parts[1]).trimmingSpaces).flatMap({ String(data: $0, encoding: .utf8) }),
            let colon = decoded.firstIndex(of: ":"), let plus = decoded[..<colon].firstIndex(of: "+")
        else {
            return unauthorized("Authorization must be Basic companyId+publicKey:privateKey")
        }
        let companyId = String(decoded[..<plus])
        let publicKey = String(decoded[decoded.index(after: plus)..<colon])
        let privateKey = String(decoded[decoded.index(after: colon)...])
        guard companyId.lowercased() == credentials.companyId.lowercased(), publicKey == credentials.publicKey,
            privateKey == credentials.privateKey
        else {
            return unauthorized("Invalid credentials: the company id, public key or private key is wrong")
        }
        guard let clientId = headers["clientId"].first else {
            return unauthorized("clientId header is missing")
        }
        guard clientId.lowercased() == credentials.clientId.lowercased() else {
            return unauthorized("clientId is not valid")
        }
        return nil
    }

    private func applyPathFaults(path: String, to response: @autoclosure () -> SimulatorResponse) -> SimulatorResponse {
        applyPathFaults(path: path, response)
    }

    /// The first matching path fault with budget left replaces or truncates the response.
    private func applyPathFaults(path: String, _ response: () -> SimulatorResponse) -> SimulatorResponse {
        for (index, fault) in faults.pathFaults.enumerated() where fault.matches(path: path) {
            guard state.claimPathFault(index: index, limit: fault.limit) else { continue }
            switch fault.effect {
            case .status(let status):
                let headers = fault.retryAfterSeconds.map { [("Retry-After", String($0))] } ?? []
                return .error(status, code: SimulatorResponse.errorCode(for: status), message: "Injected fault: status \(status)", headers: headers)
            case .truncatedBody:
                var full = response()
                full.body = Array(full.body.prefix(full.body.count / 2))
                return full
            }
        }
        return response()
    }

    private static func split(_ uri: String) -> (path: String, query: String) {
        guard let mark = uri.firstIndex(of: "?") else { return (uri, "") }
        return (String(uri[..<mark]), String(uri[uri.index(after: mark)...]))
    }
}
