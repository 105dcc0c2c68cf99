import Foundation
import NIOCore

/// The server's mutable state, shared by all connections' event loops: the request log, the
/// fault counters and the open connections (closed on shutdown).
///
/// A lock rather than an actor because NIO handlers run synchronously on their event loop and must
/// not hop to another executor just to append a log line.
final class SimulatorState: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [LoggedRequest] = []
    private var apiRequestCount = 0
    private var pathFaultHits: [Int: Int] = [:]
    private var connections: [ObjectIdentifier: Channel] = [:]
    private var acceptedCount = 0

    func append(_ entry: LoggedRequest) {
        lock.withLock { log.append(entry) }
    }

    func requestLog() -> [LoggedRequest] {
        lock.withLock { log }
    }

    func clearLog() {
        lock.withLock { log.removeAll() }
    }

    /// Counts one API request and returns its 1-based sequence number.
    func nextAPIRequestNumber() -> Int {
        lock.withLock {
            apiRequestCount += 1
            return apiRequestCount
        }
    }

    /// Records a match of path fault `index`; returns whether it is still within `limit`.
    func claimPathFault(index: Int, limit: Int?) -> Bool {
        lock.withLock {
            let used = pathFaultHits[index, default: 0]
            if let limit, used >= limit { return false }
            pathFaultHits[index] = used + 1
            return true
        }
    }

    func register(_ channel: Channel) {
        lock.withLock {
            connections[ObjectIdentifier(channel)] = channel
            acceptedCount += 1
        }
    }

    /// Connections accepted since the server started.
    func connectionsAccepted() -> Int {
        lock.withLock { acceptedCount }
    }

    func unregister(_ channel: Channel) {
        _ = lock.withLock { connections.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func openConnections() -> [Channel] {
        lock.withLock { Array(connections.values) }
    }
}
