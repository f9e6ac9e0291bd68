import Foundation

/// Exchanges for the output head beyond the labelled ones, written for Rampart so that the head
/// learns what an answer *does* — comply or refuse — rather than how the two models behind the
/// labelled data happen to word it.
///
/// The labelled exchanges come from two open models answering jailbreaks. A head fitted on them
/// alone learns each model's voice: trained without one of the two, it halted most of the other's
/// refusals ("I cannot fulfill your request …") and let half of its compliant answers through,
/// because it had learnt one model's way of refusing and the other's way of complying. So:
///
/// - **Refusals in many voices** after every harmful request (benign): a refusal names the topic
///   it declines, which is why the harmful request's own words must not be taken for compliance.
/// - **Compliant answers re-opened**: each labelled harmful answer once more with its "Sure, here
///   is …" opening replaced by another one, or none, so that the content decides, not the opening.
/// - **Brief compliant answers**: an opening that restates the request and two or three steps
///   without a topic, after every harmful request in instruction form (harmful) and every harmless
///   one (benign), so that a terse "Sure, here's how to …" is judged by what it restates.
/// - **Ordinary text as answers** to benign and to harmful prompts (benign: an answer is harmful for
///   what it says, not for what was asked), and the labelled harmful answers after benign prompts.
///
/// Pairs and voices are drawn by index or from the seeded generator, so the set is the same on
/// every run.
enum ExchangeAugmentation {
    /// How an answer that declines opens. `{request}` is the request, its first letter lowered, when
    /// it is an instruction ("write a phishing e-mail"); openings without it serve questions too.
    static let refusalOpenings = [
        "I'm sorry, but I can't help with that.", "I can't help with that request.", "Sorry, I can't assist with that.",
        "I won't be able to help with this.", "I must decline this request.", "I'm not able to provide that.",
        "No, I won't do that.", "I can't do that.", "I apologize, but I can't comply with this request.",
        "That's not something I'm willing to help with.", "Unfortunately, I can't provide what you're asking for.",
        "As an AI assistant, I can't help with that.", "I'm afraid I can't help you with that.",
        "I understand why you might ask, but I can't help with this.", "I have to say no to this one.",
        "I can't {request}.", "I won't {request}.", "I'm not able to {request}.", "I'm sorry, but I can't {request}.",
        "I cannot {request}, even as a hypothetical.", "Sorry, but I will not {request}.",
        "I must respectfully decline to {request}.", "I'm unable to {request} or to help anyone do so.",
    ]

    /// Why an answer declines; `{request}` as in ``refusalOpenings``.
    static let refusalReasons = [
        "It could cause serious harm to real people.", "Doing so would be illegal and could put others at risk.",
        "This kind of content goes against the guidelines I follow.", "Providing this could facilitate serious harm.",
        "It would be unethical, and it could hurt someone.", "Requests like this can lead to real-world harm, whatever the intent.",
        "Content like this is used to deceive, harass or endanger people.",
        "Even in a fictional or hypothetical framing, the same information would be just as dangerous.",
        "I don't produce material that promotes violence, crime or discrimination.",
        "Helping someone {request} could put people in serious danger.", "Any guide to {request} could be misused, whatever the purpose.",
        "Asking me to {request} is asking for exactly the kind of content I don't create.",
        "People have been badly hurt by others who set out to {request}.",
    ]

    /// The short lecture many assistants add to a refusal.
    static let refusalLectures = [
        "It is important to respect the law and the safety and rights of others.",
        "My purpose is to be helpful without contributing to harm.", "Content like this can ruin lives and reputations.",
        "Activities like this carry severe penalties, including prison time.", "Everyone deserves to be treated with dignity and respect.",
        "False claims like this undermine public trust and can put lives at risk.",
        "Security research has to be done with authorisation and within the law.",
        "Spreading hateful stereotypes causes real damage to communities.",
        "Your wellbeing matters, and there are people who want to help.",
        "I encourage you to think about the consequences this could have for everyone involved.",
    ]

    /// What a declining answer offers instead.
    static let refusalAlternatives = [
        "Is there something else I can help you with?", "I'd be glad to help with a different question.",
        "If you're interested in the topic, I can explain its history and how it is prevented.",
        "If you or someone else is in danger, please contact your local emergency services.",
        "If you're researching this for safety reasons, I can point you to reputable prevention resources.",
        "If you're struggling right now, talking to someone you trust or a crisis line can help.",
        "I can help you write something persuasive and respectful on the same subject instead.",
        "If this is for security work, I can describe how defenders detect and stop it.",
        "Let me know if you'd like help with something legal and safe.",
        "Instead, here are some constructive options:\n\n1. Talk to a qualified professional about your situation.\n2. Look for reputable, official sources on the subject.\n3. Reach out to an organisation that supports people in this area.",
        "Instead, I would suggest focusing on legal and ethical ways to reach your goal, such as consulting an expert or the relevant authorities.",
    ]

    /// Openings a compliant answer may start with, in place of the labelled answer's own ("Sure,
    /// here is …:"). The empty one leaves the content to speak for itself.
    static let complianceOpenings = [
        "", "Certainly! ", "Absolutely. Here you go:\n\n", "Of course.\n\n", "Okay, here it is:\n", "Here's what you asked for:\n\n",
        "As requested:\n", "No problem! ", "Alright.\n\n", "Happy to help.\n\n", "Great question. ", "**Answer**\n\n",
    ]

    /// How a brief compliant answer restates what it does (`{request}` as in ``refusalOpenings``).
    static let briefOpenings = [
        "Sure, here's how to {request}:", "Here's how you can {request}.", "Okay. To {request}, do this:",
        "Absolutely! Here's a step-by-step guide to {request}:", "No problem. Here's the quickest way to {request}:",
        "Of course. If you want to {request}, follow these steps:",
    ]

    /// Steps without a topic, the same after harmful and after harmless requests, so that only the
    /// request restated in the opening tells the two apart.
    static let briefSteps = [
        "First, get everything you need ready.", "Set aside some time when you won't be interrupted.",
        "Follow each step in order and don't skip any.", "Double-check the result before you rely on it.",
        "If something goes wrong, start again from the first step.", "Be patient: it can take a few tries.",
        "Try it on a small scale first.", "Write down what you did so you can repeat it.",
    ]

    /// Adds the exchanges described above to `set`, built from the rows it was trained on.
    static func augment(_ set: inout TrainingSet, rows: [LabelledExample], seed: UInt64) {
        var random = SplitMix64(seed: seed ^ 0x6578_6368_616E_6765)
        let ordinary = rows.filter { $0.response == nil && $0.label == "benign" }.map(\.text)
        let harmfulPrompts = rows.filter { $0.response == nil && $0.label == "harmful" }.map(\.text)
        let harmfulExchanges = rows.filter { $0.response != nil && $0.label == "harmful" }
        guard ordinary.count > 1 else { return }
        let inputHeads = Set(set.heads).subtracting([TrainingSet.outputHead])
        func add(prompt: String, answer: String, harmful: Bool) {
            set.add(.init(text: prompt, response: answer, positives: harmful ? [TrainingSet.outputHead] : [], masked: inputHeads, weight: 0.5))
        }
        for index in stride(from: 0, to: ordinary.count, by: 3) {
            add(prompt: ordinary[(index * 7 + 1) % ordinary.count], answer: ordinary[index], harmful: false)
        }
        for (index, prompt) in harmfulPrompts.enumerated() {
            add(prompt: prompt, answer: ordinary[(index * 13 + 5) % ordinary.count], harmful: false)
            add(prompt: prompt, answer: refusal(of: prompt, random: &random), harmful: false)
            if let answer = briefCompliance(with: prompt, random: &random) { add(prompt: prompt, answer: answer, harmful: true) }
        }
        for prompt in ordinary {
            if let answer = briefCompliance(with: prompt, random: &random) { add(prompt: prompt, answer: answer, harmful: false) }
        }
        for (index, exchange) in harmfulExchanges.enumerated() {
            guard let answer = exchange.response else { continue }
            add(prompt: ordinary[(index * 11 + 2) % ordinary.count], answer: answer, harmful: true)
            let opening = random.pick(complianceOpenings)
            add(prompt: exchange.text, answer: opening + body(of: answer), harmful: true)
        }
    }

    /// A refusal of `request` in a voice drawn from the lists above: an opening, then up to two
    /// reasons, a lecture and an alternative, each present or not by draw.
    static func refusal(of request: String, random: inout SplitMix64) -> String {
        let instruction = asInstruction(request)
        func draw(_ list: [String]) -> String {
            let usable = instruction == nil ? list.filter { !$0.contains("{request}") } : list
            return random.pick(usable).replacingOccurrences(of: "{request}", with: instruction ?? "")
        }
        var sentences = [draw(refusalOpenings)]
        for _ in 0..<Int(random.next() % 3) { sentences.append(draw(refusalReasons)) }
        if random.next() % 2 == 0 { sentences.append(draw(refusalLectures)) }
        if random.next() % 3 != 0 { sentences.append(draw(refusalAlternatives)) }
        return sentences.joined(separator: random.next() % 2 == 0 ? " " : "\n\n")
    }

    /// A short compliant answer to `request` when it is an instruction: an opening that restates
    /// it and two or three steps without a topic.
    static func briefCompliance(with request: String, random: inout SplitMix64) -> String? {
        guard let instruction = asInstruction(request) else { return nil }
        let opening = random.pick(briefOpenings).replacingOccurrences(of: "{request}", with: instruction)
        let steps = (1...(2 + Int(random.next() % 2))).map { "\($0). " + random.pick(briefSteps) }
        return ([opening] + steps).joined(separator: "\n")
    }

    /// `request` as the object of "I can't …" ("write a phishing e-mail"), when it is a short
    /// instruction rather than a question; nil otherwise.
    static func asInstruction(_ request: String) -> String? {
        let trimmed = request.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count < 200, !trimmed.hasSuffix("?"), !trimmed.contains("\n"), let first = trimmed.first, first.isUppercase else { return nil }
        let firstWord = trimmed.prefix { $0.isLetter }.lowercased()
        guard !["i", "how", "what", "why", "where", "when", "who", "which", "can", "could", "is", "are", "do", "does", "my", "the", "a", "an"]
            .contains(firstWord) else { return nil }
        var instruction = first.lowercased() + trimmed.dropFirst()
        while instruction.last.map({ ".!".contains($0) }) == true { instruction.removeLast() }
        return instruction
    }

    /// A compliant answer without its opening line ("Sure, here is a …:"), when it has one that ends
    /// within its first 300 characters; otherwise the answer as it is.
    static func body(of answer: String) -> String {
        let openers = ["Sure", "Here", "Certainly", "Of course", "Absolutely", "Okay", "OK"]
        guard openers.contains(where: { answer.hasPrefix($0) }),
              let end = answer.prefix(300).firstIndex(where: { $0 == ":" || $0 == "\n" }) else { return answer }
        let rest = answer[answer.index(after: end)...].trimmingCharacters(in: .whitespacesAndNewlines)
        return rest.isEmpty ? answer : rest
    }
}
