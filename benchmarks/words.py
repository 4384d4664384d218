"""Word lists for the benchmark generators.

Kept apart from the generators so the lists can grow without touching the logic;
order matters (the generators index into them with a seeded RNG), so append only.
"""

from __future__ import annotations

COUNTRIES: tuple[str, ...] = (
    "Iraq", "Syria", "Afghanistan", "Sudan", "South Sudan", "Somalia", "Yemen", "Libya",
    "Mali", "Niger", "Chad", "Nigeria", "Cameroon", "Ethiopia", "Eritrea", "Kenya",
    "Uganda", "Rwanda", "Burundi", "Congo", "Angola", "Mozambique", "Zimbabwe", "Zambia",
    "Malawi", "Tanzania", "Madagascar", "Senegal", "Guinea", "Liberia", "Sierra Leone",
    "Ghana", "Togo", "Benin", "Burkina Faso", "Mauritania", "Morocco", "Algeria", "Tunisia",
    "Egypt", "Jordan", "Lebanon", "Israel", "Turkey", "Iran", "Pakistan", "India",
    "Bangladesh", "Nepal", "Sri Lanka", "Myanmar", "Thailand", "Cambodia", "Laos",
    "Vietnam", "Malaysia", "Indonesia", "Philippines", "Japan", "South Korea", "Taiwan",
    "Mongolia", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Georgia",
    "Armenia", "Azerbaijan", "Ukraine", "Moldova", "Belarus", "Poland", "Lithuania",
    "Latvia", "Estonia", "Finland", "Sweden", "Norway", "Denmark", "Germany", "Austria",
    "Hungary", "Romania", "Bulgaria", "Serbia", "Kosovo", "Bosnia", "Croatia", "Greece",
    "Italy", "Spain", "Portugal", "Ireland", "Belgium", "Netherlands", "Switzerland",
    "Mexico", "Guatemala", "Honduras", "El Salvador", "Nicaragua", "Colombia", "Venezuela",
    "Ecuador", "Peru", "Bolivia", "Chile", "Argentina", "Paraguay", "Uruguay", "Brazil",
    "Haiti", "Cuba", "Canada", "Australia", "New Zealand", "Papua New Guinea", "Fiji",
)  # fmt: skip

CITIES: tuple[str, ...] = (
    "Santiago", "Baghdad", "Mosul", "Basra", "Erbil", "Aleppo", "Damascus", "Homs", "Idlib",
    "Kabul", "Kandahar", "Herat", "Khartoum", "Omdurman", "El Fasher", "Juba", "Mogadishu",
    "Sanaa", "Aden", "Hodeidah", "Tripoli", "Benghazi", "Misrata", "Bamako", "Niamey",
    "N'Djamena", "Lagos", "Abuja", "Maiduguri", "Addis Ababa", "Mekelle", "Nairobi",
    "Mombasa", "Kampala", "Kigali", "Kinshasa", "Goma", "Luanda", "Maputo", "Harare",
    "Dakar", "Conakry", "Monrovia", "Freetown", "Accra", "Ouagadougou", "Rabat", "Algiers",
    "Tunis", "Cairo", "Alexandria", "Amman", "Beirut", "Istanbul", "Ankara", "Tehran",
    "Karachi", "Lahore", "Islamabad", "Peshawar", "Delhi", "Mumbai", "Kolkata", "Dhaka",
    "Kathmandu", "Colombo", "Yangon", "Mandalay", "Bangkok", "Phnom Penh", "Hanoi",
    "Jakarta", "Manila", "Tokyo", "Osaka", "Seoul", "Taipei", "Hong Kong", "Almaty",
    "Tbilisi", "Yerevan", "Baku", "Kyiv", "Kharkiv", "Odesa", "Minsk", "Warsaw", "Vilnius",
    "Riga", "Tallinn", "Helsinki", "Stockholm", "Oslo", "Copenhagen", "Berlin", "Hamburg",
    "Vienna", "Budapest", "Bucharest", "Sofia", "Belgrade", "Sarajevo", "Athens", "Rome",
    "Milan", "Madrid", "Barcelona", "Lisbon", "Dublin", "Brussels", "Amsterdam", "Paris",
    "Marseille", "Lyon", "London", "Manchester", "Geneva", "Mexico City", "Guadalajara",
    "Tegucigalpa", "Managua", "Bogota", "Medellin", "Caracas", "Quito", "Lima", "La Paz",
    "Buenos Aires", "Montevideo", "Sao Paulo", "Rio de Janeiro", "Port-au-Prince", "Havana",
    "Toronto", "Montreal", "Sydney", "Melbourne", "Auckland", "Hong Kong Island",
)  # fmt: skip

ARMIES: tuple[str, ...] = (
    "US", "British", "French", "German", "Turkish", "Russian", "Italian", "Spanish",
    "Canadian", "Australian", "Dutch", "Polish",
)  # fmt: skip

GOVERNMENT: dict[str, str] = {
    "US": "The United States", "British": "Britain", "French": "France",
    "German": "Germany", "Turkish": "Turkey", "Russian": "Russia", "Italian": "Italy",
    "Spanish": "Spain", "Canadian": "Canada", "Australian": "Australia",
    "Dutch": "The Netherlands", "Polish": "Poland",
}  # fmt: skip

VICTIMS: tuple[tuple[str, str], ...] = (
    ("people killed", "were killed"),
    ("people injured", "were injured"),
    ("people arrested", "were arrested"),
    ("people displaced", "were displaced"),
    ("civilians killed", "were killed"),
    ("people detained", "were detained"),
)

BUDGETS: tuple[str, ...] = ("defence budget", "health budget", "education budget", "police budget")

PUBLISHERS: tuple[str, ...] = (
    "The Daily Star", "Associated Press", "Reuters", "Agence France-Presse", "Al Jazeera",
    "The Guardian", "The New York Times", "The Washington Post", "BBC News", "Deutsche Welle",
    "The Times of India", "Dawn", "Le Monde", "El Pais", "The Globe and Mail",
    "The Sydney Morning Herald", "Kyodo News", "Anadolu Agency", "The National",
    "Arab News", "Daily Nation", "Mail & Guardian", "Buenos Aires Times", "The Hindu",
)  # fmt: skip

SPEAKERS: tuple[str, ...] = (
    "officials said", "a government spokesman said", "the ministry said",
    "the United Nations said", "aid agencies said", "police said", "local media reported",
    "a military spokesman said", "rights groups said", "the health ministry said",
    "organisers said", "witnesses said",
)  # fmt: skip

SPEAKER_NAMES: tuple[str, ...] = (
    "Amira Haddad", "John Carter", "Maria Lopez", "Ahmed Yusuf", "Olena Kovalenko",
    "Kenji Sato", "Grace Mwangi", "Luis Fernandez", "Fatima Bello", "Pierre Martin",
    "Sofia Rossi", "Mehmet Kaya", "Priya Sharma", "David Cohen", "Chen Wei", "Anna Nowak",
)  # fmt: skip

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip

SMALL_WORDS: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip

FILLER: tuple[str, ...] = (
    "The situation remained tense as talks continued behind closed doors.",
    "Officials who spoke on condition of anonymity said no decision had been made.",
    "The announcement drew criticism from opposition lawmakers.",
    "Analysts said the move reflected growing pressure at home.",
    "Residents described long queues at checkpoints and shortages of fuel.",
    "The government has not commented on the reports.",
    "Negotiators are expected to meet again next week.",
    "The plan was first reported by local newspapers.",
    "Critics said the figures were impossible to verify independently.",
    "Aid workers warned that access to the area remained limited.",
    "The president is expected to address the nation later this week.",
    "Diplomats said the talks had made little progress.",
)  # fmt: skip

FURNITURE: tuple[str, ...] = (
    "Advertisement", "Share this article", "Follow us on Twitter", "Read more:",
    "Sign up for our newsletter", "Related Topics", "Most Read", "Skip to main content",
    "All rights reserved.", "Click here to subscribe", "Comments (0)", "Print this page",
)  # fmt: skip
