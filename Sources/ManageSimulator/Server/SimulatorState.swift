import Foundation
import NIOCore
import Synchronization

/// The server's mutable state, shared by all connections' event loops: the request log, the
/// fault counters and the open connections (closed on shutdown).
///
/// A lock rather than an actor because NIO handlers run synchronously on their event loop and must
/// not hop to another executor just to append a log line.
final class SimulatorState: Sendable {
    private struct Values {
        var log: [LoggedRequest] = []
        var apiRequestCount = 0
        var pathFaultHits: [Int: Int] = [:]
        var connections: [ObjectIdentifier: Channel] = [:]
        var acceptedCount = 0
    }

    private let values = Mutex(Values())

    func append(_ entry: LoggedRequest) {
        values.withLock { $0.log.append(entry) }
    }

    func requestLog() -> [LoggedRequest] {
        values.withLock { $0.log }
    }

    func clearLog() {
        values.withLock { $0.log.removeAll() }
    }

    /// Counts one API request and returns its 1-based sequence number.
    func nextAPIRequestNumber() -> Int {
        values.withLock {
            $0.apiRequestCount += 1
            return $0.apiRequestCount
        }
    }

    /// Records a match of path fault `index`; returns whether it is still within `limit`.
    func claimPathFault(index: Int, limit: Int?) -> Bool {
        values.withLock {
            let used = $0.pathFaultHits[index, default: 0]
            if let limit, used >= limit { return false }
            $0.pathFaultHits[index] = used + 1
            return true
        }
    }

    func register(_ channel: Channel) {
        values.withLock {
            $0.connections[ObjectIdentifier(channel)] = channel
            $0.acceptedCount += 1
        }
    }

    /// Connections accepted since the server started.
    func connectionsAccepted() -> Int {
        values.withLock { $0.acceptedCount }
    }

    func unregister(_ channel: Channel) {
        _ = values.withLock { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func openConnections() -> [Channel] {
        values.withLock { Array($0.connections.values) }
    }
}
