import Foundation
import Logging
import Synchronization
@testable import ManageReader

/// A thread-safe list, for recording what concurrent code did.
final class Recorder<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func append(_ item: Element) { items.withLock { $0.append(item) } }

    var all: [Element] { items.withLock { $0 } }
}

/// A sleeper that returns at once and records every requested delay in seconds.
struct RecordingSleeper {
    let delays = Recorder<Double>()

    var sleeper: Sleeper {
        let delays = delays
        return Sleeper { duration in delays.append(RequestExecutor.seconds(duration)) }
    }
}

/// A `LogHandler` that keeps every rendered line (message and metadata) for inspection.
struct CapturingLogHandler: LogHandler {
    let lines: Recorder<String>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        lines.append("\(event.level) \(event.message) \(merged)")
    }
}

/// A logger whose lines end up in the returned recorder.
func capturingLogger() -> (Logger, Recorder<String>) {
    let lines = Recorder<String>()
    let logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
    return (logger, lines)
}

/// A transport answering from a closure; records every request it is given.
struct FakeTransport: HTTPTransport {
    let requests = Recorder<ReadRequest>()
    let respond: @Sendable (ReadRequest) throws -> HTTPResponse

    func send(_ request: ReadRequest) async throws -> HTTPResponse {
        requests.append(request)
        return try respond(request)
    }
}

enum Fixtures {
    static let credentials = Credentials(companyId: "acme", publicKey: "PubKey1234", privateKey: "S3cretPrivate!",
                                         clientId: "0f3b6c1e-1111-4a5b-9c0d-clientsecret")

    static func configuration(
        site: String = "https://api-na.myconnectwise.net", sleeper: Sleeper, logger: Logger = Logger(label: "test"),
        pageSize: Int = 1000, concurrency: Int = 8, credentials: Credentials = Fixtures.credentials,
        requestBudget: Int = 10_000
    ) throws -> ReaderConfiguration {
        ReaderConfiguration(site: try SiteAddress.parse(site), credentials: credentials, concurrency: concurrency,
                            pageSize: pageSize, requestBudget: requestBudget, now: { Date(timeIntervalSince1970: 1_790_000_000.75) },
                            sleeper: sleeper, jitter: { $0 }, logger: logger)
    }

    static func json(_ text: String, status: Int = 200, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(text.utf8))
    }

    static let companyInfo = #"{"CompanyName":"Acme MSP","Codebase":"v2025_1/","VersionCode":"v2025.1","IsCloud":"True"}"#

    /// A tiny healthy tenant, routed by path.
    static func healthy(_ request: ReadRequest) -> HTTPResponse {
        let path = request.url.path
        switch path {
        case _ where path.hasPrefix("/login/companyinfo/"): return json(companyInfo)
        case _ where path.hasSuffix("/system/members"):
            return json(#"[{"id":1,"identifier":"jdoe","firstName":"J","licenseClass":"F","securityRole":{"id":1,"name":"Admin"},"extra":{"x":1},"_info":{"lastUpdated":"2025-01-01T00:00:00Z","n":null}}]"#)
        case _ where path.hasSuffix("/system/apiMembers"):
            return json(#"[{"id":2,"identifier":"svc","name":"Svc","inactiveFlag":null,"securityRole":{"id":2}}]"#)
        case _ where path.hasSuffix("/system/securityroles"):
            return json(#"[{"id":1,"name":"Admin","adminFlag":true},{"id":2,"name":"API"},{"id":3,"name":"Other"}]"#)
        case _ where path.contains("/system/securityRoles/"):
            return json(#"[{"id":10,"moduleName":"System","moduleFunctionName":"Member Maintenance","inquireLevel":"All","addLevel":"NONE","editLevel":null,"deleteLevel":"Mine"}]"#)
        case _ where path.hasSuffix("/system/integratorlogins"):
            return json(#"[{"id":5,"username":"legacy","canAccessAllApisFlag":true}]"#)
        case _ where path.hasSuffix("/system/mySecurity"):
            return json(#"[{"id":1,"moduleName":"System","moduleFunctionName":"Member Maintenance","inquireLevel":"All","addLevel":"None","member":{"id":9,"identifier":"scanner"}}]"#)
        default: return json("{}", status: 404)
        }
    }
}
