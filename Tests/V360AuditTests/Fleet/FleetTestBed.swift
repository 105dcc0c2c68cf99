import Foundation
import ManageSimulator
@testable import V360Audit

/// A fleet for tests: one simulator per tenant on loopback, the tenants file naming them, each
/// tenant's register and key (in a file or a variable), and single-scan arguments for comparison.
struct FleetTestBed {
    /// One tenant of the bed.
    struct Tenant: Sendable {
        var name: String
        var fixture: TenantFixture = DemoTenant.fixture
        var faults: FaultPlan = .none
        /// True: `privateKeyFile`; false: `privateKeyEnv`.
        var keyInFile = false
        /// A private key other than the fixture's (the PSA answers 401).
        var wrongKey: String?
        /// Register YAML, written to `<name>/integrations.yml` and named relative to the tenants file.
        var register: String?
    }

    /// The folder everything is written in.
    var directory: URL
    /// The tenants.
    var tenants: [Tenant]
    /// Each tenant's simulator.
    var servers: [String: SimulatorServer]
    /// The tenants file.
    var tenantsFile: URL
    /// The variables holding the keys named by `privateKeyEnv`.
    var environment: [String: String]

    /// The capture time every live run of these tests is pinned to.
    static let capturedAt = DemoTenant.capturedAt

    /// Starts a simulator per tenant and writes the tenants file, registers and key files.
    static func start(_ tenants: [Tenant], in directory: URL) async throws -> FleetTestBed {
        var servers: [String: SimulatorServer] = [:]
        var environment: [String: String] = [:]
        var yaml = "tenants:\n"
        for tenant in tenants {
            let server = try await SimulatorServer.start(tenant: tenant.fixture, faults: tenant.faults)
            servers[tenant.name] = server
            let credentials = tenant.fixture.credentials
            let key = tenant.wrongKey ?? credentials.privateKey
            yaml += "  - name: \(tenant.name)\n    site: \(server.siteURL)\n    companyId: \(credentials.companyId)\n"
                + "    publicKey: \(credentials.publicKey)\n    clientId: \(credentials.clientId)\n"
            if tenant.keyInFile {
                try Data((key + "\n").utf8).write(to: directory.appendingPathComponent("\(tenant.name).key"))
                yaml += "    privateKeyFile: \(tenant.name).key\n"
            } else {
                let variable = tenant.name.uppercased().replacingOccurrences(of: "-", with: "_") + "_CWM_PRIVATE_KEY"
                environment[variable] = key
                yaml += "    privateKeyEnv: \(variable)\n"
            }
            if let register = tenant.register {
                let folder = directory.appendingPathComponent(tenant.name)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(register.utf8).write(to: folder.appendingPathComponent("integrations.yml"))
                yaml += "    register: \(tenant.name)/integrations.yml\n"
            }
        }
        let file = directory.appendingPathComponent("tenants.yml")
        try Data(yaml.utf8).write(to: file)
        return FleetTestBed(directory: directory, tenants: tenants, servers: servers, tenantsFile: file,
                            environment: environment)
    }

    /// Stops every simulator.
    func shutdown() async {
        for server in servers.values { try? await server.shutdown() }
    }

    /// The arguments and environment of a single scan of `name` with the inputs the fleet gives it.
    func single(_ name: String, outputDir: String) -> (arguments: [String], environment: [String: String]) {
        let tenant = tenants.first { $0.name == name }!
        let credentials = tenant.fixture.credentials
        var arguments = ["scan", "--output-dir", outputDir]
        if tenant.register != nil {
            arguments += ["--register", directory.appendingPathComponent("\(name)/integrations.yml").path]
        }
        let environment = ["CWM_SITE": servers[name]!.siteURL, "CWM_COMPANY_ID": credentials.companyId,
                           "CWM_PUBLIC_KEY": credentials.publicKey, "CWM_PRIVATE_KEY": tenant.wrongKey ?? credentials.privateKey,
                           "CWM_CLIENT_ID": credentials.clientId]
        return (arguments, environment)
    }

    /// Every private key of the bed (none may appear in any output).
    var secrets: [String] {
        tenants.flatMap { [$0.fixture.credentials.privateKey, $0.wrongKey].compactMap { $0 } }
    }
}

/// Runs `v360audit` in-process with the capture clock pinned, so two live reads of the same PSA
/// give the same reports.
func runPinned(_ arguments: [String], environment: [String: String] = [:]) async -> (code: Int32, output: OutputCapture) {
    let capture = OutputCapture(environment: environment)
    var console = capture.console
    console.now = { FleetTestBed.capturedAt }
    return (await CommandRunner.run(arguments, console: console), capture)
}

/// Every regular file under `folder`, by path relative to it.
func filesUnder(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
        guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
        files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
    }
    return files
}
