extension TechniqueLibrary {
    /// The goal translated into another language (a dictionary substitution, see ``Translation``),
    /// under an instruction in that language to answer it.
    static let translations: [Technique] = Translation.Language.allCases.map { language in
        Technique(id: "translate_\(language.name.lowercased())", family: .translation,
                  summary: "The goal translated word by word into \(language.name).") { goal, _ in
            [.user(Translation.request(goal, in: language))]
        }
    }
}
