import Foundation

extension ManageClient {
    /// Checks reachability, codebase, credentials and the scanner's own permissions
    /// (`/system/mySecurity`), listing every add/edit/delete grant as a problem: an audit key
    /// should be read-only.
    public func doctor() async -> DoctorReport {
        var report = DoctorReport(site: configuration.site.host)
        do {
            try configuration.site.requireSecureTransport()
        } catch {
            report.problems.append(error.description)
            return report
        }
        let executor = RequestExecutor(configuration: configuration, transport: transport)
        let info: CompanyInfo
        switch await CompanyInfo.read(with: executor) {
        case .failure(let error):
            if let failure = error.transportFailure {
                // One sentence says it all (cannot resolve, cannot connect, certificate not trusted…).
                report.connectionFailure = failure
                return report
            }
            // The server answered, just not as a ConnectWise site should: it is reachable.
            if case .badData = error { report.reachable = true }
            if error.status != nil { report.reachable = true }
            report.problems.append(executor.redact(error.description))
            return report
        case .success(let value): info = value
        }
        report.reachable = true
        report.codebase = info.codebase
        report.companyName = info.companyName
        if info.codebaseDefaulted {
            report.problems.append("company info gave no Codebase; using \(CompanyInfo.fallbackCodebase)")
        }
        let reader = ListReader(executor: executor, base: "\(configuration.site.origin)/\(info.codebase)apis/3.0")
        let security = await reader.read(.mySecurity) { $0.mySecurityRow() }
        switch security.error {
        case .authenticationFailed?:
            report.authenticated = false
        case .forbidden?:
            report.authenticated = true
        case nil:
            report.authenticated = true
        default:
            report.authenticated = nil
        }
        if let error = security.error {
            report.problems.append(executor.redact(error.description))
            return report
        }
        report.scannerMember = security.rows.lazy.compactMap(\.member).first
        for row in security.rows {
            for operation in [PermissionOperation.add, .edit, .delete] where row.setting.level(operation).isGrant {
                report.writeGrants.append(DoctorReport.Grant(
                    module: row.setting.moduleName ?? row.setting.moduleIdentifier ?? "?",
                    function: row.setting.moduleFunctionName ?? row.setting.moduleFunctionIdentifier ?? "?",
                    operation: operation, level: row.setting.level(operation).raw ?? ""))
            }
        }
        if !report.writeGrants.isEmpty {
            report.problems.append(
                "the scanner's role grants add, edit or delete on \(report.writeGrants.count) function(s); "
                    + "an audit key should be read-only (inquire only)")
        }
        return report
    }
}
