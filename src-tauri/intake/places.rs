//! Where a message says its writer lives, and which laws it cites, as evidence
//! for the jurisdiction. Cues are folded like those in [`super::cues`].

use crate::rules::Regime;

/// Evidence of where the person is: (regime, place or law, cues). A place
/// outweighs a cited law: residence decides which law applies.
#[rustfmt::skip]
pub const PLACES: &[(Regime, &[&str])] = &[
    (
        Regime::Ccpa,
        &[
            "california", "californie", "kalifornien", "los angeles", "san francisco", "san diego",
            "san jose", "sacramento", "oakland", "pasadena", "fresno", "long beach", "santa monica",
            "berkeley", "palo alto", "irvine", "san mateo", "mountain view", "sunnyvale", "santa clara",
            "santa barbara", "anaheim", "riverside", "bakersfield", "stockton", "menlo park", "cupertino",
            ", ca 9*", ", ca)", ", calif*",
        ],
    ),
    (
        Regime::UsTx,
        &[
            "texas", "tejas", "houston", "dallas", "austin", "el paso", "san antonio", "fort worth", "plano",
            "lubbock", "corpus christi", "frisco", "round rock", "waco", ", tx 7*", ", tx)",
        ],
    ),
    (
        Regime::UsCo,
        &["colorado", "denver", "boulder", "colorado springs", "fort collins", "lakewood", "pueblo", ", co 8*", ", co)"],
    ),
    (
        Regime::UsVa,
        &[
            "virginia", "richmond", "arlington", "norfolk", "virginia beach", "alexandria", "charlottesville",
            "roanoke", "lynchburg", "fairfax", "reston", "mclean", "herndon", "chesapeake", ", va 2*", ", va)",
        ],
    ),
    (
        Regime::UsCt,
        &[
            "connecticut", "hartford", "new haven", "stamford", "bridgeport", "norwalk", "danbury", "greenwich, ct",
            "waterbury", ", ct 0*", ", ct)",
        ],
    ),
    (Regime::UsOr, &["oregon", "eugene", "portland, or", "beaverton", "hillsboro", "bend, or", ", or 9*", ", or)"]),
    (
        Regime::UsUt,
        &["utah", "salt lake city", "provo", "ogden", "orem", "park city", "st. george, ut", ", ut 8*", ", ut)"],
    ),
    (
        Regime::Uk,
        &[
            "united kingdom", "england", "scotland", "wales", "great britain", "london", "manchester",
            "birmingham", "bristol", "leeds", "liverpool", "glasgow", "edinburgh", "cardiff", "(uk)",
        ],
    ),
    (
        Regime::Gdpr,
        &[
            "germany", "deutschland", "allemagne", "alemania", "france", "frankreich", "francia", "spain",
            "spanien", "espana", "espagne", "italy", "italia", "italie", "netherlands", "nederland",
            "niederlande", "pays-bas", "belgium", "belgique", "belgien", "belgica", "austria", "osterreich",
            "autriche", "ireland", "irland", "irlande", "portugal", "poland", "polska", "sweden", "denmark",
            "finland", "greece", "luxembourg", "berlin", "munchen", "munich", "hamburg", "koln", "cologne",
            "frankfurt", "stuttgart", "dusseldorf", "leipzig", "dresden", "bremen", "hannover", "nurnberg",
            "wien", "vienna", "paris", "lyon", "marseille", "toulouse", "nantes", "lille", "bordeaux",
            "strasbourg", "montpellier", "rennes", "bruxelles", "brussels", "madrid", "barcelona",
            "valencia", "sevilla", "malaga", "zaragoza", "bilbao", "dublin", "roma", "milano", "amsterdam",
            "rotterdam", "lisboa", "lisbon", "warszawa",
        ],
    ),
];

#[rustfmt::skip]
pub const LAWS: &[(Regime, &[&str])] = &[
    (Regime::Uk, &["uk gdpr", "data protection act 2018", "ico", "information commissioner"]),
    (Regime::Ccpa, &["ccpa", "cpra", "1798.*", "california consumer privacy"]),
    (Regime::UsVa, &["vcdpa", "virginia consumer data protection"]),
    (Regime::UsCo, &["colorado privacy act"]),
    (Regime::UsCt, &["ctdpa", "connecticut data privacy"]),
    (Regime::UsTx, &["tdpsa", "texas data privacy"]),
    (Regime::UsOr, &["ocpa", "oregon consumer privacy"]),
    (Regime::UsUt, &["ucpa", "utah consumer privacy"]),
    (
        Regime::Gdpr,
        &[
            "gdpr", "dsgvo", "rgpd", "art. 15", "art 15", "article 15", "artikel 15", "articulo 15",
            "art. 17", "article 17", "artikel 17", "articulo 17", "cnil", "aepd", "bfdi",
        ],
    ),
];

/// Words before a place that say the writer does not live there (now).
#[rustfmt::skip]
pub const NOT_HOME: &[&str] = &[
    "grew up in", "born in", "raised in", "moved from", "moved away from", "used to live in",
    "previously lived in", "family in", "relatives in", "vacation in", "holiday in", "trip to",
    "conference in", "creci en", "naci en", "aufgewachsen in", "geboren in", "ne a", "nee a",
];
