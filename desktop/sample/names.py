"""Invented names for the sample network: people, companies and where they are.

Everything here is made up: first and last names are combined at random, companies are
invented pairs of a root and a suffix, and phone numbers use the fictional 555-01xx range.
"""

from __future__ import annotations

# fmt: off
FIRST_NAMES = (
    # English-speaking
    "James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda",
    "William", "Elizabeth", "Sarah", "Thomas", "Karen", "Daniel", "Nancy", "Matthew",
    "Emily", "Andrew", "Rachel", "Joshua", "Megan", "Ryan", "Lauren", "Kevin", "Hannah",
    "Brian", "Olivia", "Tyler", "Grace", "Nathan", "Chloe", "Ethan", "Abigail", "Logan",
    "Madison", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Avery", "Quinn",
    # Spanish and Portuguese
    "Maria", "José", "Carlos", "Lucía", "Alejandro", "Sofía", "Diego", "Valentina",
    "Mateo", "Camila", "Javier", "Isabela", "Andrés", "Gabriela", "Rafael", "Mariana",
    "João", "Beatriz", "Thiago", "Larissa", "Marisol", "Rodrigo", "Paula", "Martín",
    # South Asian
    "Priya", "Arjun", "Ananya", "Rahul", "Divya", "Vikram", "Neha", "Rohan", "Kavya",
    "Aditya", "Meera", "Sanjay", "Lakshmi", "Nikhil", "Pooja", "Imran", "Ayesha",
    "Farhan", "Sana", "Tariq",
    # East and Southeast Asian
    "Wei", "Mei", "Jun", "Li", "Hiroshi", "Yuki", "Haruto", "Sakura", "Kenji", "Aiko",
    "Min-jun", "Ji-woo", "Seo-yeon", "Hyun", "Linh", "Minh", "Thanh", "Mai", "Arnel",
    "Maricel", "Siti", "Budi", "Xin", "Chen", "Yan",
    # African
    "Chinedu", "Amara", "Kwame", "Abena", "Oluwaseun", "Ngozi", "Tendai", "Thandiwe",
    "Kofi", "Ama", "Yaw", "Zainab", "Emeka", "Adaeze", "Sipho", "Lerato", "Baraka",
    "Wanjiru", "Tunde", "Folake",
    # Arabic, Persian, Turkish, Hebrew
    "Omar", "Fatima", "Ahmed", "Layla", "Karim", "Nour", "Yusuf", "Amira", "Hassan",
    "Leila", "Reza", "Shirin", "Dariush", "Elif", "Mehmet", "Zeynep", "Emre", "Noa",
    "Eitan", "Tamar",
    # European
    "Lukas", "Anna", "Jonas", "Lena", "Felix", "Marie", "Matteo", "Giulia", "Lorenzo",
    "Chiara", "Pierre", "Camille", "Hugo", "Léa", "Émile", "Inès", "Søren", "Ingrid",
    "Lars", "Astrid", "Mikael", "Freya", "Piotr", "Agnieszka", "Jakub", "Zofia",
    "Dmitri", "Olga", "Ivan", "Katya", "Bogdan", "Irina", "Niamh", "Siobhan", "Cillian",
    "Aoife", "Eamon", "Zoë", "Anouk", "Daan", "Sven", "Elin", "Nikos", "Eleni",
    # Indigenous and Pacific
    "Aiyana", "Kai", "Leilani", "Keanu", "Tama", "Aroha", "Nakoma", "Dakota",
    # More common across many places
    "Alex", "Sam", "Chris", "Jamie", "Robin", "Dana", "Kim", "Lee", "Noor", "Ari",
    "Elena", "Victor", "Nadia", "Samuel", "Ruth", "Isaac", "Esther", "Leo", "Iris",
    "Oscar", "Vera", "Simon", "Clara", "Adrian", "Maya", "Julian", "Naomi", "Marcus",
    "Tessa", "Felipe", "Renata", "Gustavo", "Aurora", "Ibrahim", "Mariam",
)

LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
    "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White",
    "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell",
    "Carter", "Roberts", "Turner", "Phillips", "Parker", "Evans", "Edwards", "Collins",
    "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Reed", "Bailey", "Bell", "Cooper",
    "O'Brien", "O'Connor", "McCarthy", "Gallagher", "Byrne", "Fitzgerald",
    "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Pérez",
    "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales",
    "Ortiz", "Castillo", "Jiménez", "Vargas", "Romero", "Silva", "Santos", "Oliveira",
    "Costa", "Almeida", "Ferreira", "Carvalho", "Moreira",
    "Patel", "Sharma", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Menon",
    "Desai", "Mehta", "Chatterjee", "Banerjee", "Rao", "Khan", "Ahmed", "Hussain",
    "Chaudhry", "Siddiqui", "Rahman",
    "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Lin",
    "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi",
    "Kim", "Park", "Choi", "Jung", "Kang", "Nguyen", "Tran", "Le", "Pham", "Hoang",
    "Reyes", "Cruz", "Bautista", "Wijaya", "Tan", "Lim", "Ng",
    "Okafor", "Adeyemi", "Okonkwo", "Eze", "Balogun", "Mensah", "Owusu", "Boateng",
    "Asante", "Mwangi", "Otieno", "Kamau", "Ndlovu", "Dlamini", "Nkosi", "Moyo",
    "Haddad", "Khoury", "Nasser", "Mansour", "Farah", "Abdullah", "Hosseini", "Tehrani",
    "Yilmaz", "Demir", "Kaya", "Cohen", "Levi", "Mizrahi",
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann",
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo",
    "Dubois", "Laurent", "Lefebvre", "Moreau", "Girard", "Fournier",
    "Johansson", "Andersson", "Nilsen", "Hansen", "Larsen", "Jensen", "Lindqvist",
    "Kowalski", "Nowak", "Wiśniewski", "Zieliński", "Ivanov", "Petrov", "Smirnov",
    "Popescu", "Horvat", "Novák", "Papadopoulos", "De Vries", "Van Dijk", "Janssen",
    "Begay", "Yazzie", "Tsosie", "Kealoha", "Kahale", "Ngata", "Parata",
)

COMPANY_ROOTS = (
    "Northwind", "Bluebird", "Granite", "Lumen", "Cedar", "Harbor", "Meridian",
    "Juniper", "Copperline", "Brightwater", "Ironwood", "Silverline", "Redstone",
    "Tidewater", "Summit", "Keystone", "Evergreen", "Larkspur", "Halcyon", "Aurora",
    "Beacon", "Cobalt", "Driftwood", "Ember", "Falcon", "Foxglove", "Glacier",
    "Horizon", "Indigo", "Kestrel", "Lodestar", "Maplewood", "Nimbus", "Oakridge",
    "Orchid", "Pinecrest", "Quarry", "Riverbend", "Saffron", "Sequoia", "Sparrow",
    "Stonebridge", "Sunbeam", "Thistle", "Tundra", "Vantage", "Verdant", "Willow",
    "Wren", "Zephyr", "Amberly", "Arbor", "Bramble", "Canopy", "Clearwater", "Corvid",
    "Dovetail", "Fairhaven", "Fieldstone", "Goldleaf", "Greenfield", "Hawthorn",
    "Highland", "Kinetic", "Lakeshore", "Lantern", "Marigold", "Mosaic", "Northstar",
    "Pathfinder", "Prairie", "Quill", "Rookery", "Seabright", "Skylark", "Starling",
    "Sterling", "Tallgrass", "Trailhead", "Upland", "Waypoint", "Westbrook",
    "Wildflower", "Windmill", "Alder", "Basalt", "Cinder", "Elmstead", "Ferncliff",
    "Heron", "Blue Mesa", "Red Maple", "Open Field", "Silver Birch", "True North",
    "Little Bear", "Good Harbor", "Bright Path",
)

#: (suffix, industry): the suffix of a company's name suggests what it does.
COMPANY_SUFFIXES = (
    ("Labs", "Software"), ("Systems", "Software"), ("Software", "Software"),
    ("Cloud", "Cloud infrastructure"), ("Analytics", "Data & analytics"),
    ("Data", "Data & analytics"), ("Health", "Healthcare"), ("Medical", "Healthcare"),
    ("Bio", "Biotech"), ("Therapeutics", "Biotech"), ("Logistics", "Logistics"),
    ("Freight", "Logistics"), ("Energy", "Energy"), ("Solar", "Renewable energy"),
    ("Financial", "Financial services"), ("Capital", "Financial services"),
    ("Pay", "Fintech"), ("Insurance", "Insurance"), ("Learning", "Education"),
    ("Academy", "Education"), ("Foods", "Food & beverage"), ("Kitchen", "Food & beverage"),
    ("Retail", "Retail"), ("Goods", "Consumer goods"), ("Outfitters", "Retail"),
    ("Media", "Media"), ("Studios", "Media & entertainment"), ("Games", "Gaming"),
    ("Robotics", "Robotics"), ("Manufacturing", "Manufacturing"), ("Works", "Manufacturing"),
    ("Motors", "Automotive"), ("Aerospace", "Aerospace"), ("Networks", "Telecommunications"),
    ("Security", "Cybersecurity"), ("Consulting", "Consulting"), ("Partners", "Consulting"),
    ("Travel", "Travel & hospitality"), ("Homes", "Real estate"), ("Legal", "Legal services"),
    ("Foundation", "Nonprofit"), ("Farms", "Agriculture"), ("Staffing", "Staffing & recruiting"),
    ("Talent", "Staffing & recruiting"),
)

LOCATIONS = (
    "Austin, TX", "Seattle, WA", "Denver, CO", "Chicago, IL", "Boston, MA",
    "New York, NY", "San Francisco, CA", "Los Angeles, CA", "Atlanta, GA",
    "Raleigh, NC", "Minneapolis, MN", "Portland, OR", "Pittsburgh, PA", "Columbus, OH",
    "Salt Lake City, UT", "Phoenix, AZ", "Miami, FL", "Nashville, TN",
    "Washington, DC", "Toronto, ON", "Vancouver, BC", "Montréal, QC", "Mexico City",
    "São Paulo", "Bogotá", "London, UK", "Manchester, UK", "Dublin, Ireland",
    "Berlin, Germany", "Munich, Germany", "Amsterdam, Netherlands", "Paris, France",
    "Stockholm, Sweden", "Copenhagen, Denmark", "Warsaw, Poland", "Lisbon, Portugal",
    "Barcelona, Spain", "Zürich, Switzerland", "Tel Aviv, Israel", "Dubai, UAE",
    "Lagos, Nigeria", "Nairobi, Kenya", "Cape Town, South Africa", "Bengaluru, India",
    "Pune, India", "Singapore", "Sydney, Australia", "Auckland, New Zealand",
    "Tokyo, Japan", "Seoul, South Korea", "Remote",
)

AREA_CODES = (
    "212", "312", "415", "512", "617", "206", "303", "404", "503", "612", "646", "720",
)
# fmt: on
