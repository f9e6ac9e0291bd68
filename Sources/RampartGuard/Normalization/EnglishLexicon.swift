/// A small built-in list of common English words, for telling whether a decoding "looks like
/// English" (ROT13, reversed text), for choosing between leetspeak readings and for splitting
/// letters that were spaced out without word gaps.
///
/// Words are looked up by a packed key (5 bits a letter, at most 12 letters) in an open-addressed
/// table, so that a lookup costs a multiply and a compare or two, without building strings.
enum EnglishLexicon {
    /// The longest word a key can hold.
    static let maxLength = 12

    /// The 5-bit code of an ASCII letter (1...26), or 0 for anything else.
    @inline(__always)
    static func code(_ byte: UInt8) -> UInt64 {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A ? UInt64(lower - 0x60) : 0
    }

    /// The key of `letters` (ASCII letters, any case), or 0 when it is empty, too long or holds a
    /// byte that is not a letter.
    static func key(_ letters: some Sequence<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        for byte in letters {
            let code = code(byte)
            count += 1
            guard code != 0, count <= maxLength else { return 0 }
            key = key << 5 | code
        }
        return key
    }

    /// Whether the word with this key is in the list.
    @inline(__always)
    static func contains(key: UInt64) -> Bool {
        table.contains(key: key)
    }

    /// The open-addressed table of word keys; hold it in a local to look up many words.
    struct Table {
        fileprivate var slots: [UInt64]

        /// Whether the word with this key is in the list.
        @inline(__always)
        func contains(key: UInt64) -> Bool {
            guard key != 0 else { return false }
            let mask = slots.count - 1
            var slot = EnglishLexicon.slot(of: key, mask: mask)
            while true {
                let entry = slots[slot]
                if entry == key { return true }
                if entry == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether `letters` (ASCII letters, any case) is a word in the list.
    static func contains(_ letters: some Sequence<UInt8>) -> Bool {
        contains(key: key(letters))
    }

    @inline(__always)
    fileprivate static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The table of all the words.
    static let table: Table = {
        var slots = [UInt64](repeating: 0, count: 4096)
        let mask = slots.count - 1
        for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let key = key(word.utf8)
            guard key != 0 else { continue }
            var slot = slot(of: key, mask: mask)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
            slots[slot] = key
        }
        return Table(slots: slots)
    }()

    /// Frequent English words, then words that requests (harmful ones included) are made of.
    private static let words = """
    a i the be to of and in that have it for not on with he as you do at this but his by from they
    we say her she or an will my one all would there their what so up out if about who get which go
    me when make can like time no just him know take people into year your good some could them see
    other than then now look only come its over think also back after use two how our work first
    well way even new want because any these give day most us is are was were has had been did does
    am being made said got went came took gave told used found need needs let put keep tell ask
    show try call feel leave mean seem turn start begin help talk run move live hold bring write
    writing written read learn change lead understand watch follow stop create speak allow add
    spend grow open walk win offer remember love consider appear buy wait serve die send expect
    build stay fall cut reach kill remain suggest raise pass sell require report decide pull
    where why while here very much many more such own same should must may might shall each every
    both few those through during before between under again never always often sometimes still
    already yet too really please thanks thank hello hi hey yes okay sure maybe right left last
    long great little old big high small large next early young important public bad able best
    better sorry fine free full easy hard real whole true false best least less most something
    anything nothing everything someone anyone everyone thing things way ways world life hand part
    child children eye woman man men women place week case point company number group problem
    fact home water room mother father area money story month lot book job word words business
    question questions answer night house friend friends power hour game line end city name idea
    body information back parent face others level office door health person art war history
    party result morning reason research girl guy moment air teacher force education car school
    family student students country government system program side kind head service food
    step steps guide instructions instruction recipe detail details list example code data text
    message file files email phone address account password secret key computer internet website
    server network security software script tool tools method methods way process plan
    explain describe tell teach show give provide list detail draft translate summarize ignore
    pretend act roleplay imagine assume forget override bypass disable enable jailbreak previous
    above below rules rule policy system prompt instructions assistant model user developer mode
    bomb bombs pipe explosive explosives weapon weapons gun guns ammo bullet knife poison toxin
    chemical chemicals gas nerve agent virus bacteria anthrax nuclear uranium plutonium dirty
    drug drugs meth cocaine heroin fentanyl synthesize synthesis cook lab hack hacking hacker
    malware ransomware exploit steal stolen fraud scam launder laundering counterfeit fake attack
    murder hurt harm shoot stab burn destroy break hide body suicide dangerous illegal deadly
    without getting caught anonymous untraceable target victim child minor kids
    at home quickly cheap easily step best way ways
    """
}
