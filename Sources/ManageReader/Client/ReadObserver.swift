import Foundation

/// Told about each part of a tenant as ``ManageClient/readSnapshot(observers:)`` gets it, so work
/// that depends on that part alone (encoding it, judging a role) runs while the rest of the read
/// is still waiting on the PSA instead of after it.
///
/// Calls come from the read's tasks, concurrently and in no fixed order, and each should return at
/// once (hand the work to a queue of the observer's own): the read waits for it. What an observer
/// is told is what the snapshot will hold — lists as read (a failed list is still reported with
/// the rows it got), roles only once their settings are read — but an observer must still not
/// assume it: whoever uses its work checks it against the finished snapshot.
public protocol ReadObserver: Sendable {
    /// The `/system/members` list as the snapshot will hold it.
    func didRead(members: [Member])
    /// The `/system/apiMembers` list as the snapshot will hold it.
    func didRead(apiMembers: [APIMember])
    /// A role whose settings were read, with them (`settings` non-nil), as the snapshot will hold it.
    func didRead(role: SecurityRole)
    /// The `/system/securityroles` list as read (no settings yet), in the snapshot's order.
    func didRead(roles: [SecurityRole])
    /// The `/system/integratorLogins` list as the snapshot will hold it.
    func didRead(integratorLogins: [IntegratorLogin])
    /// The scanner's own security (`/system/mySecurity`), when it was read.
    func didRead(scanner: ScannerSecurity)
}

extension ReadObserver {
    /// Observers that do not need the role list ignore it.
    public func didRead(roles: [SecurityRole]) {}
    /// Observers that do not need the integrator logins ignore them.
    public func didRead(integratorLogins: [IntegratorLogin]) {}
    /// Observers that do not need the scanner's security ignore it.
    public func didRead(scanner: ScannerSecurity) {}
}
