// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "natter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "natter", targets: ["natter"]),
        .executable(name: "natterd", targets: ["natterd"]),
        .executable(name: "natter-bench", targets: ["natter-bench"]),
        .executable(name: "natter-autobahn", targets: ["natter-autobahn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        // System libraries: a module map plus a shim of static inline wrappers for what Swift cannot import.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "NatterModel", swiftSettings: strict),
        .target(
            name: "NatterEngine",
            dependencies: ["NatterModel"],
            swiftSettings: strict),
        .target(
            name: "NatterWire",
            dependencies: ["CLibXML2"],
            swiftSettings: strict),
        .target(
            name: "NatterCodecs",
            dependencies: ["NatterModel", "NatterWire"],
            swiftSettings: strict),
        .target(
            name: "NatterTransport",
            dependencies: ["CCurl", "CZlib"],
            swiftSettings: strict),
        .target(
            name: "NatterProtocols",
            dependencies: ["NatterModel", "NatterEngine", "NatterWire", "NatterCodecs", "NatterTransport"],
            swiftSettings: strict),
        .target(
            name: "NatterTUI",
            dependencies: [
                "CNcursesw", "NatterModel", "NatterEngine",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strict),
        .target(
            name: "NatterServer",
            dependencies: [
                "NatterModel", "NatterWire", "NatterCodecs",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBasicAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .target(
            name: "NatterClient",
            dependencies: [
                "NatterModel", "NatterEngine", "NatterProtocols", "NatterTUI", "NatterServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict),

        .executableTarget(name: "natter", dependencies: ["NatterClient"], swiftSettings: strict),
        .executableTarget(
            name: "natterd",
            dependencies: [
                "NatterServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "natter-bench",
            dependencies: [
                "NatterTransport", "NatterEngine", "NatterModel", "NatterTUI", "NatterCodecs", "NatterProtocols",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "natter-autobahn",
            dependencies: [
                "NatterTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        .testTarget(name: "NatterModelTests", dependencies: ["NatterModel"]),
        .testTarget(name: "NatterEngineTests", dependencies: ["NatterEngine", "NatterModel"]),
        // What several test targets share: the xmllint schema check and the seeds' documents.
        .target(
            name: "NatterTestSupport", dependencies: ["NatterCodecs", "NatterTransport"],
            path: "Tests/NatterTestSupport"),
        .testTarget(name: "NatterWireTests", dependencies: ["NatterWire", "NatterTestSupport"]),
        .testTarget(
            name: "NatterCodecsTests", dependencies: ["NatterCodecs", "NatterWire", "NatterModel", "NatterTestSupport"]),
        .testTarget(name: "NatterTransportTests", dependencies: ["NatterTransport", "NatterTestSupport"]),
        .testTarget(
            name: "NatterProtocolsTests",
            dependencies: ["NatterProtocols", "NatterCodecs", "NatterWire", "NatterTransport", "NatterModel"]),
        .testTarget(name: "NatterTUITests", dependencies: ["NatterTUI", "NatterModel", "NatterEngine"]),
        .testTarget(
            name: "NatterServerTests",
            dependencies: [
                "NatterServer", "NatterCodecs", "NatterWire", "NatterModel", "NatterTestSupport",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(
            name: "NatterIntegrationTests",
            dependencies: [
                "NatterClient", "NatterServer", "NatterProtocols", "NatterEngine", "NatterTransport", "NatterCodecs",
                "NatterWire", "NatterTestSupport",
            ]),
    ]
)
