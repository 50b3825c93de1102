"""Small general word lists used by entity recognition.

None of these lists is about one situation: they are the kind of general knowledge a reader
brings to any news story (common given names, courtesy titles, the buildings that stand for a
government). They keep the gazetteer from tagging people as towns and let ``the Kremlin
denounced`` be read as a government acting.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


#: Common given names across the languages news is written about. A gazetteer entry equal to
#: one of these (there are towns called ``Ali``, ``Maria`` or ``Jackson``) is not trusted alone.
FIRST_NAMES = frozenset(
    _words(
        """
        aaron abdul abdullah abu adam ahmad ahmed aisha alan alex alexander ali alice alicia
        amal amina amir ana andrea andrew angela anna anne anthony antonio arthur aziz barbara
        ben benjamin bilal carlos carmen charles chris christian daniel david diana diego
        dmitry edward elena elizabeth emily emma eric fatima fernando francis frank gabriel
        george grace hamza hannah hassan helen henry hussein ibrahim isabel ivan jack jackson
        jacob james jane jasmine jean jennifer jessica john jordan jorge jose joseph juan
        julia karim kevin khalid laura leila linda lucas luis mahmoud maria mariam mark martin
        mary mehmet michael mohammad mohammed muhammad mustafa nadia nasser nicholas noor olga
        omar oscar pablo paul pedro peter rachel rahul raj rashid robert rosa ryan sahar salim
        sam samir sara sarah sergei simon sofia sophia stephen steven susan thomas victor
        victoria vladimir william yusuf zainab zara
        """
    )
)

#: Personal and possessive pronouns. ``us``, ``Us`` or ``them`` is never a named entity, though
#: the model sometimes tags ``us`` as the country (an all-capital ``US`` still is the country).
PRONOUNS = frozenset(
    _words(
        """
        i me my mine myself we us our ours ourselves you your yours yourself yourselves he him
        his himself she her hers herself it its itself they them their theirs themselves
        """
    )
)

#: Words that put a person's name right after them; a gazetteer match there is a surname.
PERSON_TITLES = frozenset(
    _words(
        """
        mr mrs ms miss dr prof president minister premier chancellor general gen colonel col
        captain capt major sergeant lieutenant lt commander admiral sheikh shaikh imam mullah
        ayatollah king queen prince princess emir sultan senator sen rep governor gov mayor
        judge justice father sister brother saint st lord lady sir pope bishop rabbi spokesman
        spokeswoman spokesperson researcher analyst professor director
        """
    )
)

#: Lower-case words that may sit inside a capitalised place or organisation name.
NAME_PARTICLES = frozenset(
    _words(
        """
        al el ad as an ash at az ar ibn bin bint abu de del della der di do dos da du la le
        les los las van von y of and the upon on sur am im
        """
    )
)

#: Buildings or addresses that stand for a country's government (ISO 3166-1 alpha-2 code).
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "Kremlin": "RU",
    "White House": "US",
    "Pentagon": "US",
    "Downing Street": "GB",
    "Whitehall": "GB",
    "Elysee": "FR",
    "Élysée": "FR",
    "Elysee Palace": "FR",
    "Zhongnanhai": "CN",
    "Quai d'Orsay": "FR",
    "Blue House": "KR",
    "Bundeskanzleramt": "DE",
    "Knesset": "IL",
    "Planalto": "BR",
    "Casa Rosada": "AR",
    "Los Pinos": "MX",
    "Rashtrapati Bhavan": "IN",
}

#: Verbs whose subject is a location, not an actor (``Ankara lies on a plateau``).
NON_ACTION_VERBS = frozenset(
    _words(
        """
        be lie sit stand locate situate border become remain host experience see receive
        record suffer flood shake burn sleep wake look seem appear feel stretch neighbour
        neighbor
        """
    )
)

#: Heads that turn a country, region or group word into an institution
#: (``Syrian army``, ``Sindh government``, ``Turkish opposition``).
INSTITUTION_HEADS = frozenset(
    _words(
        """
        army government opposition regime military police rangers navy forces parliament
        cabinet ministry authorities authority presidency judiciary embassy consulate
        """
    )
)
