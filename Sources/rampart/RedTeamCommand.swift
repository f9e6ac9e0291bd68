import ArgumentParser
import Foundation
import Logging
import RampartGateway
import RampartGuard
import RampartRedTeam

/// `rampart redteam`: attacks a target with the technique library and reports where it stands.
struct RedTeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redteam",
        abstract: "Attack a model endpoint or Rampart itself and report attack success per technique and category.",
        discussion: """
            Every goal is attacked with every technique (then each --mutators entry, in order); benign controls \
            are sent as written, so over-refusal is reported next to attack success. An attempt succeeds only \
            when the answer complies (Rampart's output classifier, or an answer that opens by agreeing); typed \
            policy errors and content_filter / refusal stops count as defended.

            Targets: --config FILE attacks Rampart in process with that configuration (fast, offline); --url \
            attacks any OpenAI- or Anthropic-compatible endpoint.
              rampart redteam --config rampart.yaml --per-category 3 --json run.json
              rampart redteam --url http://localhost:8080/v1 --api openai --model my-model --baseline last.json

            Exit codes: 0 = ran (and the attack success rate is within --max-success-rate), 1 = a gate \
            failed, 2 = could not run.
            """
    )

    @Option(help: ArgumentHelp("Rampart configuration to attack in process.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The alias to attack with --config (default: the first one).", valueName: "alias"))
    var alias: String?

    @Option(help: ArgumentHelp("Base URL of an endpoint to attack (for example http://localhost:8080/v1).", valueName: "url"))
    var url: String?

    @Option(help: "The endpoint's API: openai or anthropic.")
    var api = "openai"

    @Option(help: ArgumentHelp("The model (or alias) to ask for at --url.", valueName: "name"))
    var model = "default"

    @Option(help: ArgumentHelp("The endpoint's key, as env:NAME.", valueName: "env:NAME"))
    var apiKey: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("""
        JSON Lines of goals in the ../shared/data format: harmful rows are goals, benign rows controls \
        (default: the default constitution's harmful and allowed examples).
        """, valueName: "file"))
    var goals: [String] = []

    @Option(help: ArgumentHelp("At most this many goals and controls per category (the budget).", valueName: "n"))
    var perCategory = 3

    @Option(help: ArgumentHelp("Comma-separated technique ids (default: all; see --list).", valueName: "ids"))
    var techniques: String?

    @Option(help: ArgumentHelp("Comma-separated mutator ids applied after each technique, in order.", valueName: "ids"))
    var mutators = ""

    @Option(help: "Seed: the same seed and target give the same attempts.")
    var seed: UInt64 = 1

    @Option(help: "Attempts in flight at once.")
    var concurrency = 8

    @Option(help: ArgumentHelp("Requests per second to the target at most (default: no limit).", valueName: "n"))
    var rate: Double?

    @Option(help: ArgumentHelp("""
        Extra tries of an attempt that failed transiently (timeout, 429, overloaded or unreachable), after 0.5 s, \
        1 s, 2 s…
        """, valueName: "n"))
    var retries = 2

    @Option(help: ArgumentHelp("Write the report as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Write a self-contained HTML report with charts to this file.", valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("A previous --json report: show what changed and flag regressions.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Fail (exit 1) when the attack success rate is above this (0–1).", valueName: "rate"))
    var maxSuccessRate: Double?

    @Option(help: ArgumentHelp("""
        An OpenAI-compatible endpoint whose model judges whether answers comply (with --judge-model); \
        without it, the output classifier and the agreeing-opener rule judge.
        """, valueName: "url"))
    var judgeURL: String?

    @Option(help: ArgumentHelp("The judge's model at --judge-url.", valueName: "name"))
    var judgeModel = "default"

    @Option(help: ArgumentHelp("The judge endpoint's key, as env:NAME.", valueName: "env:NAME"))
    var judgeKey: String?

    @Flag(help: ArgumentHelp("""
        Search instead of sweeping: per goal, evolve attacks (technique + mutator chains, from --mutators or all) \
        from those that came closest, until one succeeds or --budget queries are spent.
        """))
    var adaptive = false

    @Option(help: ArgumentHelp("Queries per goal for --adaptive and the attacker search.", valueName: "n"))
    var budget = 40

    @OptionGroup(title: "Attacker LLM (PAIR / TAP)")
    var attacker: RedTeamAttackerOptions

    @Option(help: ArgumentHelp("""
        Write every attack of the plan as labelled JSON Lines (the ../shared/data format, label attack) to this \
        file and exit, without a target: to score a guard offline with `rampart eval --data FILE --split all`.
        """, valueName: "file"))
    var export: String?

    @Flag(help: ArgumentHelp("""
        When the run finds a broad or universal weakness, open an incident in the store of --config (or \
        --incidents-config) and notify its escalation routes.
        """))
    var openIncidents = false

    @Flag(help: ArgumentHelp("""
        Record the run's summary (numbers per technique, not the attempts) in the store of --config (or \
        --incidents-config), where the console and GET /admin/redteam/latest show it.
        """))
    var record = false

    @Option(help: ArgumentHelp("The configuration whose store gets --open-incidents' incident and --record's summary (default: --config).",
                               valueName: "file"))
    var incidentsConfig: String?

    @Flag(help: "List the techniques and mutators and exit.")
    var list = false

    func validate() throws {
        if list { return }
        if export != nil, config == nil, url == nil { return }
        guard (config == nil) != (url == nil) else { throw ValidationError("name one target: --config FILE (Rampart in process) or --url URL") }
        guard ["openai", "anthropic"].contains(api) else { throw ValidationError("--api must be openai or anthropic, not '\(api)'") }
        guard perCategory > 0, concurrency > 0 else { throw ValidationError("--per-category and --concurrency must be positive") }
        if let maxSuccessRate, !(0...1).contains(maxSuccessRate) { throw ValidationError("--max-success-rate must be between 0 and 1") }
        if let rate, rate <= 0 { throw ValidationError("--rate must be positive") }
        if openIncidents || record, config == nil, incidentsConfig == nil {
            throw ValidationError("--open-incidents and --record need a store: --config FILE, or --incidents-config FILE with --url")
        }
        guard retries >= 0, budget > 0 else { throw ValidationError("--retries must be 0 or more and --budget positive") }
        if adaptive, attacker.attackerURL != nil { throw ValidationError("choose one search: --adaptive or --attacker-url") }
    }

    func run() async throws {
        if list {
            for technique in TechniqueLibrary.all { print("\(technique.id)  [\(technique.family.rawValue)]  \(technique.summary)") }
            print("mutators: " + Mutators.all.map(\.id).joined(separator: ", "))
            return
        }
        let run = try GuardCLI.orExit { try plan() }
        if let export {
            try RedTeamExport.jsonl(run.attacks().filter { !$0.goal.isControl }).write(toFile: export, atomically: true, encoding: .utf8)
            GuardCLI.note("wrote \(export): \(run.goals.count * run.techniques.count) attacks")
            return
        }
        let baselineAnalysis = try baseline.map { path in
            try GuardCLI.orExit { try RedTeamReport.read(try Data(contentsOf: URL(fileURLWithPath: path))).analysis }
        }
        let target = PacedTarget(try GuardCLI.orExit { try makeTarget() }, rate: rate, retries: retries)
        let attackerSearch = try GuardCLI.orExit { try attacker.search(goals: run.goals, seed: seed, budget: budget) }
        let llm = try GuardCLI.orExit { try judgeURL.map { url in
            ComplianceJudge(target: try GatewayTarget.endpoint(url: url, api: "openai", model: judgeModel, apiKey: try Self.secret(judgeKey),
                                                               timeoutMS: 60_000, logger: Self.quietLogger))
        } }
        let judge = AttemptJudge(classifier: try GuardCLI.classifier(nil), llm: llm)
        let approach = attackerSearch.map { _ in "an attacker LLM (\(attacker.attackerModel)), \(budget) queries per goal" } ?? "\(run.techniques.count) techniques"
        GuardCLI.note("attacking \(target.name): \(run.goals.count) goals × \(approach) + \(run.controls.count) controls, seed \(seed)")
        let showProgress: @Sendable (RedTeamRun.Progress) -> Void = { progress in
            guard progress.done % 25 == 0 || progress.done == progress.total else { return }
            GuardCLI.note(String(format: "  %d/%d attempts, %d successes (%.1f%%), ETA %.0f s", progress.done, progress.total,
                                 progress.successes, progress.rate * 100, progress.etaSeconds))
        }
        var records: [AttemptRecord]
        let search: (any GoalSearch)? = attackerSearch ?? (adaptive ? AdaptiveSearch(
            goals: run.goals, techniques: run.techniques, mutators: run.mutators.isEmpty ? Mutators.all : run.mutators, seed: seed,
            budget: budget) : nil)
        if let search {
            records = await search.search(against: target, judge: judge) { progress in
                GuardCLI.note(String(format: "  %d/%d goals searched, %d broken, ETA %.0f s", progress.done, progress.total,
                                     progress.successes, progress.etaSeconds))
            }
            let failed = records.filter { !$0.isJudged }.count
            GuardCLI.note("\(adaptive ? "adaptive" : "attacker") search: \(records.count) attempts (\(failed) failed), "
                          + "\(Set(records.filter(\.isSuccess).map(\.goalID)).count) of \(run.goals.count) goals broken")
            var controls = run
            controls.goals = []
            records += await controls.run(against: target, judge: judge)
        } else {
            records = await run.run(against: target, judge: judge, progress: showProgress)
        }
        await target.shutdown()
        await llm?.target.shutdown()
        await attackerSearch?.attacker.target.shutdown()
        var ran = run
        if attackerSearch != nil { ran.techniques = [] }   // the attacker wrote every attack
        let report = RedTeamReport(target: target.name, run: ran, records: records, baseline: baselineAnalysis)
        if let json { try report.json().write(to: URL(fileURLWithPath: json)) }
        if let html { try HTMLReport.render(report).write(toFile: html, atomically: true, encoding: .utf8) }
        print(RedTeamSummary.text(report))
        var incident: String?
        if openIncidents, let path = incidentsConfig ?? config {
            let storeConfig = try GuardCLI.orExit { try ConfigLoader.load(path: path) }
            incident = try await RedTeamIncidents.open(for: report, config: storeConfig, alias: url == nil ? (alias ?? storeConfig.models.first?.alias) : model,
                                                       runFile: json)
        }
        if record, let path = incidentsConfig ?? config {
            try GuardCLI.record(.redTeamRun, json: try ReportCommand.json(RedTeamSummary.Recorded(report, incident: incident)), config: path)
        }
        if let maxSuccessRate, report.analysis.attackSuccess.rate > maxSuccessRate { throw ExitCode(1) }
    }

    private func plan() throws -> RedTeamRun {
        var harmful: [Goal] = []
        var benign: [Goal] = []
        if goals.isEmpty {
            for category in ConstitutionLoader.builtin().categories where category.kind == .content {
                harmful += category.harmfulExamples.enumerated().map { Goal(id: "\(category.id)-\($0.offset + 1)", text: $0.element, category: category.id) }
                benign += category.allowedExamples.enumerated().map {
                    Goal(id: "\(category.id)-allowed-\($0.offset + 1)", text: $0.element, category: category.id, isControl: true)
                }
            }
        } else {
            for path in goals {
                let loaded = try Goal.load(jsonl: path)
                harmful += loaded.filter { !$0.isControl }
                benign += loaded.filter(\.isControl)
            }
        }
        let chosen = try techniques.map { list in
            try list.split(separator: ",").map { id in
                guard let technique = TechniqueLibrary.technique(id: String(id)) else {
                    throw ValidationError("unknown technique '\(id)'; `rampart redteam --list` shows them")
                }
                return technique
            }
        } ?? TechniqueLibrary.all
        let mutatorList = try mutators.split(separator: ",").map { id in
            guard let mutator = Mutators.mutator(id: String(id)) else { throw ValidationError("unknown mutator '\(id)'; `rampart redteam --list` shows them") }
            return mutator
        }
        return RedTeamRun(goals: Self.firstPerCategory(harmful, perCategory), controls: Self.firstPerCategory(benign, perCategory), techniques: chosen,
                          mutators: mutatorList, seed: seed, concurrency: concurrency)
    }

    /// The first `limit` goals of each category, in file order.
    static func firstPerCategory(_ goals: [Goal], _ limit: Int) -> [Goal] {
        var taken: [String: Int] = [:]
        return goals.filter { goal in
            taken[goal.category, default: 0] += 1
            return taken[goal.category]! <= limit
        }
    }

    static let quietLogger = Logger(label: "rampart.redteam") { _ in SwiftLogNoOpLogHandler() }

    /// The value of an `env:NAME` secret, nil when none was given.
    static func secret(_ spec: String?) throws -> String? {
        try spec.map { spec in
            guard spec.hasPrefix("env:"), let value = ProcessInfo.processInfo.environment[String(spec.dropFirst(4))] else {
                throw ValidationError("a key must be env:NAME naming a set environment variable, not '\(spec)'")
            }
            return value
        }
    }

    private func makeTarget() throws -> GatewayTarget {
        let logger = Self.quietLogger
        if let config {
            let loaded = try ConfigLoader.load(path: config)
            guard let alias = alias ?? loaded.models.first?.alias else { throw ValidationError("\(config) defines no model alias to attack") }
            return GatewayTarget(name: "rampart \(config) (\(alias))", gateway: try Gateway(config: loaded, logger: logger), alias: alias)
        }
        return try GatewayTarget.endpoint(url: url ?? "", api: api, model: model, apiKey: try Self.secret(apiKey), timeoutMS: 60_000, logger: logger)
    }
}
