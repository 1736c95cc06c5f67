/// Folds case, diacritics and width without Foundation: "Café" → "cafe", "ＣＰＣ" → "cpc".
///
/// Letters of the Latin blocks (U+00C0–U+024F, U+1E00–U+1EFF) fold as Foundation's case- and
/// diacritic-insensitive folding does (to their base letter; "ß" to "ss"), combining marks are dropped,
/// full-width ASCII and the ideographic space become ASCII, and the result is lower-cased. The table was
/// made from Unicode's data: case folding, then canonical decomposition without the marks.
enum UnicodeFolding {
    /// Each entry: a letter, then what it folds to (its base letter; "ss" for "ß").
    private static let entries: [String] = [
        "Àa", "Áa", "Âa", "Ãa", "Äa", "Åa", "Çc", "Èe", "Ée", "Êe", "Ëe", "Ìi", "Íi", "Îi",
        "Ïi", "Ñn", "Òo", "Óo", "Ôo", "Õo", "Öo", "Ùu", "Úu", "Ûu", "Üu", "Ýy", "ßss", "àa",
        "áa", "âa", "ãa", "äa", "åa", "çc", "èe", "ée", "êe", "ëe", "ìi", "íi", "îi", "ïi",
        "ñn", "òo", "óo", "ôo", "õo", "öo", "ùu", "úu", "ûu", "üu", "ýy", "ÿy", "Āa", "āa",
        "Ăa", "ăa", "Ąa", "ąa", "Ćc", "ćc", "Ĉc", "ĉc", "Ċc", "ċc", "Čc", "čc", "Ďd", "ďd",
        "Ēe", "ēe", "Ĕe", "ĕe", "Ėe", "ėe", "Ęe", "ęe", "Ěe", "ěe", "Ĝg", "ĝg", "Ğg", "ğg",
        "Ġg", "ġg", "Ģg", "ģg", "Ĥh", "ĥh", "Ĩi", "ĩi", "Īi", "īi", "Ĭi", "ĭi", "Įi", "įi",
        "İi", "Ĵj", "ĵj", "Ķk", "ķk", "Ĺl", "ĺl", "Ļl", "ļl", "Ľl", "ľl", "Ńn", "ńn", "Ņn",
        "ņn", "Ňn", "ňn", "ŉʼn", "Ōo", "ōo", "Ŏo", "ŏo", "Őo", "őo", "Ŕr", "ŕr", "Ŗr", "ŗr",
        "Řr", "řr", "Śs", "śs", "Ŝs", "ŝs", "Şs", "şs", "Šs", "šs", "Ţt", "ţt", "Ťt", "ťt",
        "Ũu", "ũu", "Ūu", "ūu", "Ŭu", "ŭu", "Ůu", "ůu", "Űu", "űu", "Ųu", "ųu", "Ŵw", "ŵw",
        "Ŷy", "ŷy", "Ÿy", "Źz", "źz", "Żz", "żz", "Žz", "žz", "ſs", "Ơo", "ơo", "Ưu", "ưu",
        "Ǎa", "ǎa", "Ǐi", "ǐi", "Ǒo", "ǒo", "Ǔu", "ǔu", "Ǖu", "ǖu", "Ǘu", "ǘu", "Ǚu", "ǚu",
        "Ǜu", "ǜu", "Ǟa", "ǟa", "Ǡa", "ǡa", "Ǣæ", "ǣæ", "Ǧg", "ǧg", "Ǩk", "ǩk", "Ǫo", "ǫo",
        "Ǭo", "ǭo", "Ǯʒ", "ǯʒ", "ǰj", "Ǵg", "ǵg", "Ǹn", "ǹn", "Ǻa", "ǻa", "Ǽæ", "ǽæ", "Ǿø",
        "ǿø", "Ȁa", "ȁa", "Ȃa", "ȃa", "Ȅe", "ȅe", "Ȇe", "ȇe", "Ȉi", "ȉi", "Ȋi", "ȋi", "Ȍo",
        "ȍo", "Ȏo", "ȏo", "Ȑr", "ȑr", "Ȓr", "ȓr", "Ȕu", "ȕu", "Ȗu", "ȗu", "Șs", "șs", "Țt",
        "țt", "Ȟh", "ȟh", "Ȧa", "ȧa", "Ȩe", "ȩe", "Ȫo", "ȫo", "Ȭo", "ȭo", "Ȯo", "ȯo", "Ȱo",
        "ȱo", "Ȳy", "ȳy", "Ḁa", "ḁa", "Ḃb", "ḃb", "Ḅb", "ḅb", "Ḇb", "ḇb", "Ḉc", "ḉc", "Ḋd",
        "ḋd", "Ḍd", "ḍd", "Ḏd", "ḏd", "Ḑd", "ḑd", "Ḓd", "ḓd", "Ḕe", "ḕe", "Ḗe", "ḗe", "Ḙe",
        "ḙe", "Ḛe", "ḛe", "Ḝe", "ḝe", "Ḟf", "ḟf", "Ḡg", "ḡg", "Ḣh", "ḣh", "Ḥh", "ḥh", "Ḧh",
        "ḧh", "Ḩh", "ḩh", "Ḫh", "ḫh", "Ḭi", "ḭi", "Ḯi", "ḯi", "Ḱk", "ḱk", "Ḳk", "ḳk", "Ḵk",
        "ḵk", "Ḷl", "ḷl", "Ḹl", "ḹl", "Ḻl", "ḻl", "Ḽl", "ḽl", "Ḿm", "ḿm", "Ṁm", "ṁm", "Ṃm",
        "ṃm", "Ṅn", "ṅn", "Ṇn", "ṇn", "Ṉn", "ṉn", "Ṋn", "ṋn", "Ṍo", "ṍo", "Ṏo", "ṏo", "Ṑo",
        "ṑo", "Ṓo", "ṓo", "Ṕp", "ṕp", "Ṗp", "ṗp", "Ṙr", "ṙr", "Ṛr", "ṛr", "Ṝr", "ṝr", "Ṟr",
        "ṟr", "Ṡs", "ṡs", "Ṣs", "ṣs", "Ṥs", "ṥs", "Ṧs", "ṧs", "Ṩs", "ṩs", "Ṫt", "ṫt", "Ṭt",
        "ṭt", "Ṯt", "ṯt", "Ṱt", "ṱt", "Ṳu", "ṳu", "Ṵu", "ṵu", "Ṷu", "ṷu", "Ṹu", "ṹu", "Ṻu",
        "ṻu", "Ṽv", "ṽv", "Ṿv", "ṿv", "Ẁw", "ẁw", "Ẃw", "ẃw", "Ẅw", "ẅw", "Ẇw", "ẇw", "Ẉw",
        "ẉw", "Ẋx", "ẋx", "Ẍx", "ẍx", "Ẏy", "ẏy", "Ẑz", "ẑz", "Ẓz", "ẓz", "Ẕz", "ẕz", "ẖh",
        "ẗt", "ẘw", "ẙy", "ẚaʾ", "ẛs", "ẞss", "Ạa", "ạa", "Ảa", "ảa", "Ấa", "ấa", "Ầa", "ầa",
        "Ẩa", "ẩa", "Ẫa", "ẫa", "Ậa", "ậa", "Ắa", "ắa", "Ằa", "ằa", "Ẳa", "ẳa", "Ẵa", "ẵa",
        "Ặa", "ặa", "Ẹe", "ẹe", "Ẻe", "ẻe", "Ẽe", "ẽe", "Ếe", "ếe", "Ềe", "ềe", "Ểe", "ểe",
        "Ễe", "ễe", "Ệe", "ệe", "Ỉi", "ỉi", "Ịi", "ịi", "Ọo", "ọo", "Ỏo", "ỏo", "Ốo", "ốo",
        "Ồo", "ồo", "Ổo", "ổo", "Ỗo", "ỗo", "Ộo", "ộo", "Ớo", "ớo", "Ờo", "ờo", "Ởo", "ởo",
        "Ỡo", "ỡo", "Ợo", "ợo", "Ụu", "ụu", "Ủu", "ủu", "Ứu", "ứu", "Ừu", "ừu", "Ửu", "ửu",
        "Ữu", "ữu", "Ựu", "ựu", "Ỳy", "ỳy", "Ỵy", "ỵy", "Ỷy", "ỷy", "Ỹy", "ỹy",
    ]

    private static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for entry in entries {
            guard let letter = entry.unicodeScalars.first else { continue }
            table[letter.value] = String(entry.unicodeScalars.dropFirst())
        }
        return table
    }()

    /// The folded, lower-cased word.
    static func fold(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if scalar.properties.canonicalCombiningClass != .notReordered { continue }
            if value >= 0xFF01 && value <= 0xFF5E, let ascii = Unicode.Scalar(value - 0xFEE0) {
                out.append(ascii)
            } else if value == 0x3000 {
                out.append(" ")
            } else if let folded = table[value] {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out).lowercased()
    }
}
