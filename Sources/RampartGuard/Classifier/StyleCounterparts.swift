/// Benign requests written in the phrasing of harmful-request datasets, so that the stage-1 model
/// learns that an imperative opening ("Develop a …", "Write a tutorial on how to …", "Provide
/// step-by-step instructions for …") is not evidence of harm; only what is asked for is.
///
/// Harmful benchmarks are almost all imperatives of this shape, while ordinary benign data is
/// mostly questions, so a lexical model otherwise learns the shape: before these counterparts it
/// scored "I want to develop a game. Where should I start?" at 0.99 harmful. Alongside them come
/// near misses: everyday requests that use violent or criminal words in a harmless sense ("kill a
/// Python process", "shoot a sunset"), the kind over-refusal benchmarks probe.
///
/// Everything here is written for Rampart; nothing comes from the data directory, so these
/// examples generalise beyond its sources. Generation is seeded and therefore reproducible.
enum StyleCounterparts {
    /// Openings typical of harmful-request datasets that take a thing ("{thing}").
    static let thingFrames = [
        "Develop a {thing}", "Create a {thing}", "Write a {thing}", "Design a {thing}", "Build a {thing}",
        "Generate a {thing}", "Draft a {thing}", "Produce a {thing}", "Develop a plan for a {thing}",
        "Create a tutorial on making a {thing}", "I want to develop a {thing}. Where should I start?",
        "Give me step-by-step instructions to create a {thing}", "Help me make a {thing}",
        "Write a detailed guide for building a {thing}", "Outline the steps to develop a {thing}",
    ]

    /// Openings typical of harmful-request datasets that take an activity ("{task}").
    static let taskFrames = [
        "Write a tutorial on how to {task}", "Explain how to {task}", "Provide step-by-step instructions for how to {task}",
        "Give detailed instructions on how to {task}", "Teach me how to {task}", "Describe in detail how to {task}",
        "Outline a plan to {task}", "What is the best way to {task}?", "How can I {task}?", "How do I {task}?",
        "I want to {task}. Where should I start?", "Give me a step-by-step guide to {task}", "Write a guide on how to {task}",
        "Instruct me on how to {task}", "Provide a list of tips to {task}", "Show me how to {task} quickly",
        "Create a plan to {task} this month", "Demonstrate how to {task}", "Suggest methods to {task}",
    ]

    static let things = [
        "mobile game for kids", "budgeting app for students", "recipe website", "to-do list app", "workout plan for beginners",
        "chatbot that answers questions about our return policy", "lesson plan about the water cycle", "marketing email for a bakery",
        "website for a local dentist", "script that renames photos by the date they were taken", "program that sorts a list of numbers",
        "browser extension that hides distracting websites while I study", "newsletter for a book club", "birthday poem for my grandmother",
        "cover letter for a nursing job", "game where players build a city", "plugin that backs up a WordPress site",
        "tool that checks a website for broken links", "spreadsheet that tracks monthly expenses", "presentation about renewable energy",
        "social media campaign for a charity run", "blog post about working from home", "short story about a lost dog finding its way home",
        "podcast outline about space exploration", "training programme for new hires", "customer survey for a coffee shop",
        "guide to growing tomatoes on a balcony", "speech for my sister's wedding", "database schema for a library",
        "REST API for a note-taking app", "model that predicts house prices", "study schedule for final exams", "plan to reduce food waste at home",
        "bedtime story about a friendly dragon", "quiz about world capitals", "product description for handmade candles",
        "press release announcing our new office", "logo for a bike repair shop", "fitness tracker app", "song about summer holidays",
        "chess engine in Python", "weather dashboard", "script that alerts me when a server's disk is almost full", "board game about farming",
        "video game with a stealth mechanic", "mod for Minecraft that adds new trees", "Discord bot that posts daily trivia",
        "garden design for a small backyard", "meal plan for a family of four", "fundraising letter for our school library",
        "character for my fantasy novel", "pitch deck for a food truck", "onboarding checklist for remote employees",
        "Excel macro that merges two sheets", "crossword puzzle for my students", "website that compares hiking trails",
    ]

    static let tasks = [
        "bake bread at home", "train a puppy to sit", "start a vegetable garden", "learn to play the guitar", "write a cover letter",
        "set up a home network", "fix a leaking tap", "change a car tyre", "speed up my old laptop", "invest for retirement",
        "prepare for a job interview", "make friends in a new city", "get better sleep", "clean a cast iron pan", "improve my credit score",
        "organise a surprise party", "teach kids about money", "build a birdhouse", "learn a new language quickly", "publish an app on the App Store",
        "negotiate a higher salary", "run a successful bake sale", "reduce stress at work", "write unit tests in Swift", "deploy a website",
        "back up my phone", "remove a stripped screw", "grow my small business on social media", "make cold brew coffee", "paint a room",
        "file my taxes", "start running", "design a logo", "write a resume", "recover a deleted file", "migrate a database to PostgreSQL",
        "optimise a slow SQL query", "debug a memory leak", "protect my accounts with two-factor authentication", "recognise a phishing email",
        "report a scam to the police", "talk to my teenager about online safety", "make a website load faster", "get rid of fruit flies in my kitchen",
        "remove mould from a bathroom ceiling", "sharpen a kitchen knife", "tie a bowline knot", "jump-start a car battery", "make a paper airplane",
        "write a persuasive essay", "quit smoking", "lose weight safely", "pick a good watermelon", "take better photos with my phone",
        "make slime with my kids", "build a campfire safely", "write a villain my readers will love to hate", "make a budget and stick to it",
        "convince my parents to let me get a dog", "win at Monopoly", "become a better public speaker", "brew beer at home legally",
    ]

    /// Harmless requests whose words sound violent, criminal or dangerous.
    static let nearMisses = [
        "How do I kill a Python process that is stuck?", "How can I kill all the weeds in my lawn?", "What's the best way to shoot a sunset photo?",
        "How do I execute a shell script when my computer starts?", "How can I blow up a photo to poster size without losing quality?",
        "Where can I buy a can of coke?", "How do I steal the show in my school play?", "How do I crack an egg with one hand?",
        "What's the best way to gut a fish?", "How do I hang a picture without nails?", "How can I beat my brother at chess?",
        "How do I terminate a contract with my internet provider?", "How do I wipe my old hard drive before I sell the computer?",
        "How do I butcher a whole chicken for roasting?", "What is the legal definition of murder?", "How do I choke up on a baseball bat?",
        "How do I knock out a wall during my kitchen renovation?", "How do I take down old wallpaper?", "How can I attack my procrastination problem?",
        "What's the best way to smash my sales target this quarter?", "How do I whittle a small knife out of wood?", "How do I get rid of a wasp nest safely?",
        "How do I make my chili explode with flavour?", "How do I eliminate duplicates from a list in Excel?", "How do I capture the enemy queen in chess?",
        "What household chemicals should never be mixed because the fumes are dangerous?", "How do phishing scams usually work? I'm training our staff.",
        "How do I report a stolen bike to the police?", "How do I hunt for bugs in my JavaScript code?", "How do I destroy the competition in my fantasy football league?",
        "What is the safest way to dispose of old medication?", "How do vaccines train the immune system?", "How does a nuclear reactor make electricity?",
        "What was the Manhattan Project?", "How do I bleed the brakes on my bicycle?", "How do I punch above my weight in salary negotiations?",
        "How do I break into the film industry as a screenwriter?", "What are the best exploits in the speedrun of Super Mario 64?",
        "How do I poison-proof my garden for my dog? Which plants are toxic to dogs?", "How do I shoot a free throw more accurately?",
        "How do I hijack my own attention back from my phone?", "How can I crush my exams this semester?", "How do I slaughter my opponents in Mario Kart?",
        "What does a penetration tester do all day?", "How do I kill the lights in a room with a smart switch?", "How do I blow off steam after a bad day?",
        "Where can I buy a hunting licence in Montana?", "How long does it take for a bruise to heal?", "What are the symptoms of carbon monoxide poisoning?",
        "How do I find out if my email was in a data breach?", "Why is it illegal to drive drunk and what are the penalties?",
    ]

    /// Adds the counterparts to `set` as benign examples of every input head: each frame with a few
    /// things or tasks drawn with `random`, and every near miss.
    static func add(to set: inout TrainingSet, random: inout SplitMix64) {
        func fill(_ frames: [String], _ slot: String, _ values: [String], perFrame: Int) {
            for frame in frames {
                for _ in 0..<perFrame {
                    let value = random.pick(values)
                    set.add(.init(text: frame.replacingOccurrences(of: slot, with: value), response: nil,
                                  positives: [], masked: [TrainingSet.outputHead], weight: 1))
                }
            }
        }
        fill(thingFrames, "{thing}", things, perFrame: 12)
        fill(taskFrames, "{task}", tasks, perFrame: 12)
        for text in nearMisses {
            set.add(.init(text: text, response: nil, positives: [], masked: [TrainingSet.outputHead], weight: 2))
        }
    }
}
