// swift-tools-version:6.0
import PackageDescription

/// v360audit: a read-only audit of ConnectWise Manage API access.
/// Module dependencies go one way: V360Audit → Reports → AuditRules → ManageReader, all on V360Core.
/// ManageSimulator is a separate HTTP server that shares no model code with the reader (only V360Core).
let package = Package(
    name: "v360audit",
    // Mutex, Atomic and String(validating:) need macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "v360audit", targets: ["V360Audit"]),
        .executable(name: "v360bench", targets: ["V360Bench"]),
        .library(name: "V360Core", targets: ["V360Core"]),
        .library(name: "ManageReader", targets: ["ManageReader"]),
        .library(name: "AuditRules", targets: ["AuditRules"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "ManageSimulator", targets: ["ManageSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Already resolved through async-http-client; named here because ManageReader builds its
        // TLS trust (--ca-file) and the simulator's optional TLS listener with it.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Already resolved through swift-nio-ssl; its SHA-256 (BoringSSL's assembly) fingerprints
        // snapshots and findings several times faster than a Swift implementation (README, design notes).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // What every module shares: the one file writer and the other small pieces below them all.
        .target(
            name: "V360Core",
            dependencies: [
                // Already resolved through swift-nio-ssl; its SHA-256 (BoringSSL's assembly) fingerprints
                // snapshots and findings several times faster than a Swift implementation (README, design notes).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ManageReader",
            dependencies: [
                "V360Core",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "AuditRules",
            dependencies: [
                "V360Core",
                "ManageReader",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The reporters: each a pure function of a report context that writes bytes into a
        // DurableFile; the executable decides which run, where the files go and the exit code.
        .target(
            name: "Reports",
            dependencies: ["AuditRules", "ManageReader", "V360Core"]
        ),
        .target(
            name: "ManageSimulator",
            dependencies: [
                // The one JSON error locator (fixture files report file:line:column like every JSON input).
                "V360Core",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "V360Audit",
            dependencies: [
                "V360Core",
                "ManageReader",
                "AuditRules",
                "Reports",
                "ManageSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                // Notifications: a POST client of their own (the PSA reader is GET-only by
                // construction) and the Standard Webhooks HMAC signature.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                // The tenants file is read with AuditRules' strict YAML machinery, whose nodes are Yams'.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "V360Bench",
            dependencies: ["ManageReader", "AuditRules", "ManageSimulator"]
        ),
        // libxml2, used by the tests to validate JUnit reports against the XSDs
        // (declarations only, see Sources/CLibXML2/shim.h for why no libxml2 header is included).
        .systemLibrary(
            name: "CLibXML2",
            providers: [.apt(["libxml2-dev"])]
        ),
        .testTarget(
            name: "ManageReaderTests",
            dependencies: [
                "ManageReader", "ManageSimulator", "V360Core", "TestSupport",
                // The transport failure classification is tested with the libraries' own error values.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Helpers the test targets share (a scratch folder, optionally a small tmpfs to fill up; a
        // transport for which no host name resolves, so no test needs DNS).
        .target(
            name: "TestSupport",
            dependencies: [
                "ManageReader",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "V360CoreTests", dependencies: ["V360Core", "TestSupport"]),
        .testTarget(name: "AuditRulesTests", dependencies: ["AuditRules", "ManageReader", "ManageSimulator"], exclude: ["Fixtures"]),
        .testTarget(name: "ManageSimulatorTests", dependencies: ["ManageSimulator"], exclude: ["Fixtures"]),
        .testTarget(
            name: "V360AuditTests",
            dependencies: ["V360Audit", "Reports", "V360Core", "AuditRules", "ManageReader", "ManageSimulator", "CLibXML2",
                           "TestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
