import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import NIOConcurrencyHelpers
import Prometheus
import RampartGateway
import RampartStore
import RampartServer

/// `rampart serve`: run the gateway.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the gateway.",
        discussion: """
            With --config, serves that file (see `rampart config validate`). Without it, starts the \
            offline quickstart: 127.0.0.1:8080, no keys, the built-in simulator as model 'sim', and \
            OpenAI / Anthropic models when OPENAI_API_KEY / ANTHROPIC_API_KEY are set. \
            Stops cleanly on SIGINT or SIGTERM. SIGHUP (or POST /admin/reload) reloads the \
            configuration file and the constitution without dropping a request; an invalid file is \
            rejected and the running configuration stays.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Configuration file (YAML).", valueName: "file"))
    var config: String?

    @Option(help: "Address to listen on; overrides server.host.")
    var host: String?

    @Option(help: "Port to listen on (0 picks a free one); overrides server.port.")
    var port: Int?

    @Option(help: "How much to log.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "rampart")
        var configuration: RampartConfig
        if let config {
            do {
                configuration = try ConfigLoader.load(path: config)
            } catch let error as ConfigError {
                printError(error.description)
                throw ExitCode(2)
            }
        } else {
            configuration = Quickstart.configuration(environment: ProcessInfo.processInfo.environment)
            logger.notice("no --config given: serving the offline quickstart (models: \(configuration.models.map(\.alias).joined(separator: ", ")))")
        }
        if let host { configuration.server.host = host }
        if let port { configuration.server.port = port }
        if let problem = configuration.unprotectedExposure {
            printError("Refusing to start: \(problem)")
            throw ExitCode(2)
        }
        let traceExport: TraceExport?
        do {
            traceExport = try configuration.telemetry.traces.map { try TraceExport($0, logger: logger) }
        } catch {
            printError("Refusing to start: the trace exporter: \(error)")
            throw ExitCode(2)
        }
        // Before the gateway, whose targets register their breaker gauges as it starts.
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let store: any RampartDatabase
        do {
            store = try AuditRecorder.openStore(configuration)
        } catch {
            printError("Refusing to start: the audit store: \(error.message)")
            throw ExitCode(2)
        }
        // The promoted policy and the candidate judged in shadow, as the store has them.
        let policyRegistry = PolicyRegistry(store: store)
        var policy = PolicySelection()
        do {
            policy = try policyRegistry.selection()
        } catch {
            logger.error("policy: cannot read the store; judging with the configuration's constitution until it answers", metadata: ["error": "\(error)"])
        }
        let shadowRecorder = NIOLockedValueBox<AuditRecorder?>(nil)
        let shadow: @Sendable (ShadowJudgement) -> Void = { judgement in shadowRecorder.withLockedValue { $0 }?.shadow(judgement) }
        let gateway: Gateway
        let killSwitches: KillSwitchRegistry
        do {
            killSwitches = try KillSwitchRegistry(directory: configuration.server.stateDirectory, logger: logger)
            // Limits are counted in PostgreSQL (the only store that keeps counters) when replicas share
            // one, and in memory on a single replica.
            gateway = try Gateway(config: configuration, logger: logger, killSwitches: killSwitches, managedKeys: ManagedKeyRegistry(store: store),
                                  limiter: RequestLimiter(counters: store as? any LimitCounterStore), policy: policy, shadow: shadow)
        } catch let error as AdminLogError {
            printError("Refusing to start: \(error.message)")
            throw ExitCode(2)
        } catch {
            printError("Refusing to start: \((error as? GatewayStartError)?.message ?? "\(error)")")
            throw ExitCode(2)
        }
        // Kill switches thrown on any replica on this store are in force here within a second.
        killSwitches.share(through: store, logger: logger)
        let incidents = IncidentDesk(store: store, escalation: configuration.escalation, logger: logger)
        let blockRate = configuration.escalation.blockRate.map { BlockRateWatch(settings: $0, desk: incidents) }
        let slot = GatewaySlot(gateway)
        let audit: AuditRecorder
        do {
            let requestMetrics = RequestMetrics(prices: { slot.current.config.prices })
            let watch = blockRate
            audit = try AuditRecorder.open(configuration, store: store, logger: logger) { event in
                requestMetrics.observe(event)
                watch?.observe(event)
                let current = slot.current
                current.limiter.observe(event, config: current.config, managedKeys: current.managedKeys)
            }
        } catch {
            await gateway.shutdown()
            printError("Refusing to start: the audit journal: \(error.message)")
            throw ExitCode(2)
        }
        shadowRecorder.withLockedValue { $0 = audit }
        let canaries = CanaryMonitor(gateway: { slot.current }, incidents: incidents, record: { audit.log.record($0) },
                                     history: Self.canaryHistory(configuration.canaries, store: store, logger: logger), logger: logger)
        canaries.start()
        blockRate?.start()
        let providerIncidents = NIOLockedValueBox(ProviderIncidents(desk: incidents, gateway: gateway))
        let reloader = config.map { path in
            ConfigReloader(path: path, slot: slot, logger: logger, overrides: { [host, port] config in
                if let host { config.server.host = host }
                if let port { config.server.port = port }
            }, installed: { gateway in
                providerIncidents.withLockedValue { $0 = ProviderIncidents(desk: incidents, gateway: gateway) }
            }, policy: policy, shadow: shadow)
        }
        let policyWatch = reloader.map { reloader in
            PolicyWatch(registry: policyRegistry, current: policy, logger: logger) { selection in
                _ = await reloader.install(policy: selection, actor: "policy change in the store")
            }
        }
        let hangUps = Self.reloadOnSIGHUP(reloader, logger: logger)
        let app = RampartServer.application(slot: slot, audit: audit, incidents: incidents, metrics: metrics, reloader: reloader, store: store, canaries: canaries, logger: logger)
        var failure: (any Error)?
        do {
            try await app.runService()
        } catch {
            failure = error
        }
        hangUps.cancel()
        policyWatch?.stop()
        canaries.stop()
        killSwitches.stopSharing()
        blockRate?.stop()
        await slot.current.shutdown()
        await audit.log.shutdown()
        await incidents.shutdown()
        await traceExport?.finish()
        withExtendedLifetime(providerIncidents) {}
        if let failure {
            printError("Rampart stopped: \(failure)")
            throw ExitCode(2)
        }
    }
}

extension Serve {
    /// Reloads the configuration on every SIGHUP (with no configuration file, says so instead).
    static func reloadOnSIGHUP(_ reloader: ConfigReloader?, logger: Logger) -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)   // the dispatch source, not the default action (exit), handles it
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler {
            guard let reloader else {
                logger.warning("SIGHUP: serving the quickstart without a configuration file; there is nothing to reload")
                return
            }
            Task { _ = await reloader.reload(actor: "SIGHUP") }
        }
        source.resume()
        return source
    }
}

extension Serve {
    /// The canary runs the trail holds from before this start, enough for every target's baseline
    /// and window twice over (a day without a schedule), so that a restart keeps the baselines.
    static func canaryHistory(_ config: CanaryConfig, store: any AuditStore, logger: Logger) -> [CanaryResult] {
        let runs = Double(2 * (config.drift.baselineRuns + config.drift.windowRuns))
        let lookBack = config.interval.map { Double($0.components.seconds) * runs } ?? 86_400
        do {
            return try store.events(of: .canary, from: Date().addingTimeInterval(-min(lookBack, 7 * 86_400)), to: Date())
                .compactMap(CanaryResult.init(event:))
        } catch {
            logger.warning("canaries: the earlier runs cannot be read; baselines start again", metadata: ["error": "\(error)"])
            return []
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
