"""Invented vocabulary for the sample network (see desktop.core.sample).

Everything here is made up: names are combined at random, companies are invented word
pairs, phone numbers use the fictional 555-01xx range and personal emails use the
reserved example domains.
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

#: Skill families: what people in them offer, what they are called, what companies need.
#: Each need is (title, problem).
FAMILIES = {
    "engineering": {
        "skills": (
            "Python", "Java", "JavaScript", "TypeScript", "Go", "React", "Node.js",
            "Kubernetes", "AWS", "Docker", "CI/CD", "System design", "API design",
            "Test automation", "C#", "Rust",
        ),
        "titles": (
            "Software Engineer", "Senior Software Engineer", "Staff Engineer",
            "Backend Engineer", "Frontend Engineer", "Site Reliability Engineer",
            "Platform Engineer", "QA Engineer", "Mobile Developer", "Full-Stack Developer",
        ),
        "managers": (
            "Engineering Manager", "Director of Engineering", "VP Engineering", "CTO",
            "Head of Platform",
        ),
        "needs": (
            ("Cut cloud costs", "Infrastructure spend has doubled in a year and nobody owns it."),
            ("Stabilise releases", "Deploys break production about once a week."),
            ("Rebuild the checkout service", "The legacy checkout cannot handle peak traffic."),
            ("Ship the mobile app", "Customers keep asking for an app and a rival has one."),
            ("Migrate to Kubernetes", "Servers are hand-managed and outages take hours."),
            ("Open a public API", "Partners want to integrate but there is no stable API."),
        ),
    },
    "data": {
        "skills": (
            "SQL", "Data analysis", "Machine learning", "Statistics", "Tableau",
            "Power BI", "dbt", "Data engineering", "Spark", "Forecasting", "Excel",
        ),
        "titles": (
            "Data Analyst", "Senior Data Analyst", "Data Scientist", "Data Engineer",
            "Analytics Engineer", "Machine Learning Engineer", "BI Developer",
        ),
        "managers": ("Analytics Manager", "Head of Data", "Director of Data Science"),
        "needs": (
            ("Build a reliable data warehouse", "Every team reports a different revenue number."),
            ("Self-serve dashboards for sales", "Sales waits days for every report."),
            ("Forecast demand", "Stock-outs and overstock cost them millions last year."),
            ("Reduce churn with data", "They cannot tell which customers are about to leave."),
            ("Put a model into production", "A promising model has sat in a notebook for months."),
        ),
    },
    "product": {
        "skills": (
            "Product management", "Roadmapping", "User research", "A/B testing",
            "Agile", "Scrum", "Stakeholder management", "Product analytics",
        ),
        "titles": (
            "Product Manager", "Senior Product Manager", "Product Owner",
            "Technical Program Manager", "Scrum Master", "Business Analyst",
        ),
        "managers": ("Group Product Manager", "Director of Product", "VP Product", "CPO"),
        "needs": (
            ("Find product-market fit for the new line", "Early sales are slow and unclear."),
            ("Bring order to the roadmap", "Every executive has a different top priority."),
            ("Launch in a second market", "The board wants growth outside the home market."),
            ("Improve onboarding", "Half of new sign-ups never finish setup."),
        ),
    },
    "design": {
        "skills": (
            "Figma", "UX design", "UI design", "Interaction design", "Design systems",
            "Prototyping", "Accessibility", "Visual design", "Copywriting",
        ),
        "titles": (
            "Product Designer", "Senior Product Designer", "UX Researcher", "UX Writer",
            "Visual Designer", "Design Technologist",
        ),
        "managers": ("Design Manager", "Head of Design", "Creative Director"),
        "needs": (
            ("Create a design system", "Every screen looks a little different."),
            ("Make the product accessible", "A large customer requires WCAG compliance."),
            ("Redesign the customer portal", "Support calls are mostly 'where do I click'."),
        ),
    },
    "people": {
        "skills": (
            "Recruiting", "Sourcing", "Employer branding", "HR operations",
            "Onboarding", "Compensation", "Coaching", "Training",
        ),
        "titles": (
            "HR Generalist", "People Partner", "Learning Specialist", "HR Coordinator",
            "Career Coach",
        ),
        "managers": ("HR Manager", "Head of People", "VP People", "Chief People Officer"),
        "needs": (
            ("Hire forty engineers this year", "The recruiting team is two people."),
            ("Cut first-year attrition", "A third of new hires leave within a year."),
            ("Build a leadership programme", "New managers were promoted with no training."),
        ),
    },
    "sales": {
        "skills": (
            "B2B sales", "Account management", "Negotiation", "Salesforce",
            "Customer success", "Lead generation", "Partnerships", "Public speaking",
            "Customer support",
        ),
        "titles": (
            "Account Executive", "Sales Development Representative", "Account Manager",
            "Customer Success Manager", "Solutions Engineer", "Partnerships Manager",
            "Support Specialist",
        ),
        "managers": (
            "Sales Manager", "Head of Customer Success", "VP Sales", "Chief Revenue Officer",
        ),
        "needs": (
            ("Grow enterprise revenue", "Deals stall after the first demo."),
            ("Cut churn among mid-size customers", "Renewals dropped for three quarters."),
            ("Build a partner channel", "Direct sales alone cannot reach the market."),
            ("Fix support backlog", "Tickets wait a week and reviews are suffering."),
        ),
    },
    "marketing": {
        "skills": (
            "Content marketing", "SEO", "Social media", "Brand strategy",
            "Marketing analytics", "Email marketing", "Growth marketing",
            "Event planning", "Communications",
        ),
        "titles": (
            "Marketing Manager", "Content Strategist", "Growth Marketer",
            "Brand Manager", "Communications Specialist", "SEO Specialist",
        ),
        "managers": ("Director of Marketing", "VP Marketing", "CMO"),
        "needs": (
            ("Generate more qualified leads", "Marketing spend rose but pipeline did not."),
            ("Refresh the brand", "Prospects confuse them with a competitor."),
            ("Build a content engine", "The blog has not been updated since last year."),
        ),
    },
    "operations": {
        "skills": (
            "Project management", "Operations", "Supply chain", "Process improvement",
            "Financial modelling", "Budgeting", "Procurement", "Compliance",
            "Lean Six Sigma",
        ),
        "titles": (
            "Operations Analyst", "Project Manager", "Financial Analyst",
            "Supply Chain Analyst", "Program Manager", "Compliance Specialist",
        ),
        "managers": (
            "Operations Manager", "Director of Operations", "Controller", "COO", "CFO",
        ),
        "needs": (
            ("Pass the audit", "Controls are undocumented and the audit is in spring."),
            ("Speed up fulfilment", "Orders take nine days to ship."),
            ("Get the budget under control", "Projects overrun by thirty percent on average."),
            ("Prepare for a funding round", "Investors want clean numbers and a model."),
        ),
    },
}

GENERAL_SKILLS = ("Leadership", "Mentoring", "Writing", "Spanish", "Mandarin")

RECRUITER_TITLES = (
    "Technical Recruiter", "Senior Recruiter", "Talent Acquisition Partner",
    "Recruiting Coordinator", "Head of Talent", "Sourcer", "Agency Recruiter",
)

FOR_WHOM_SENTENCES = {
    "boss": "The VP wants it solved before the next planning cycle.",
    "customers": "Customers notice, and renewals are at risk.",
    "shareholders": "The board tracks it as a key result this year.",
    "team": "The team is stretched thin and morale is slipping.",
    "other": "A regulator and two partners are waiting on it.",
    "": "",
}

HOW_MET = (
    "Alumni network", "Coffee chat after a local meetup", "Met at a career fair",
    "Reached out on LinkedIn", "Former colleague at {company}", "Introduced by {other}",
    "Job seekers' support group", "Volunteered together", "Conference hallway chat",
    "Interviewed me at {company}", "Was my recruiter for a role at {company}",
    "Online community for {skill}", "Informational interview", "Neighbour",
)

PERSON_NOTES = (
    "Prefers email over phone.", "Happy to review resumes.",
    "Hiring for {skill} roles next quarter.", "Looking for {title} roles; strong in {skill}.",
    "Knows everyone in the {location} scene.", "Asked me to keep an eye out for {skill} people.",
    "Runs a monthly job seekers' coffee.", "Just moved to {location}.",
    "Ask how the reorg went.", "Open to mentoring one person this year.",
)

NEED_NOTES = (
    "Heard the same from two people.", "Budget approved, headcount not yet.",
    "Could be a contract role first.", "They would consider someone remote.",
)

OPPORTUNITY_NOTES = (
    "Posted on their careers page.", "Referred in by a friend.", "Take-home exercise.",
    "Salary range shared up front.", "Hybrid, three days in the office.",
)

# Action summaries by (direction, kind). Placeholders: {cp} the counterpart, {skill} one of
# their skills (both always known); {ben} the beneficiary, {company}, {role} the
# opportunity's title and {need} the need's title (known only sometimes). The generator
# uses the templates that fill the most of what it knows about an action.
SUMMARIES = {
    ("given", "referral"): (
        "Referred {ben} for the {role} role at {company}",
        "Put {ben} forward to {cp} for the {role} opening at {company}",
        "Referred {ben} to {cp} at {company}",
        "Referred {ben} to {cp}",
        "Referred a friend to {cp}",
    ),
    ("received", "referral"): (
        "{cp} referred me for the {role} role at {company}",
        "{cp} passed my resume to the hiring manager at {company}",
        "{cp} referred me to a friend who is hiring",
    ),
    ("given", "job_lead"): (
        "Sent {cp} a lead on the {role} opening at {company}",
        "Told {cp} that {company} is hiring: {role}",
        "Sent {cp} a lead at {company}",
        "Sent {cp} a job lead in {skill}",
    ),
    ("received", "job_lead"): (
        "{cp} told me about the {role} opening at {company}",
        "{cp} sent me a lead: {company} is hiring for {role}",
        "{cp} told me {company} is hiring",
        "{cp} sent me a job lead",
    ),
    ("given", "introduction"): (
        "Introduced {cp} to {ben}",
        "Connected {cp} with {ben} over email",
        "Introduced {cp} to {ben} at {company}",
        "Introduced {cp} to a friend who works in {skill}",
    ),
    ("received", "introduction"): (
        "{cp} introduced me to the hiring manager at {company}",
        "{cp} introduced me to the {skill} lead at {company}",
        "{cp} introduced me to a friend who works in {skill}",
    ),
    ("given", "company_insight"): (
        "Shared with {cp} what I learned about {company}: {need}",
        "Told {cp} how interviews at {company} work",
        "Told {cp} what I know about the {skill} market",
    ),
    ("received", "company_insight"): (
        "{cp} explained what {company} needs: {need}",
        "{cp} told me the top priority at {company}: {need}",
        "{cp} explained how {company} hires",
        "{cp} explained who is hiring in {skill}",
    ),
    ("given", "recommendation"): (
        "Wrote {cp} a LinkedIn recommendation",
        "Recommended {cp} for their {skill} work",
        "Recommended {cp} to {ben}",
    ),
    ("received", "recommendation"): (
        "{cp} wrote me a LinkedIn recommendation",
        "{cp} agreed to be a reference for me",
        "{cp} was a reference for me at {company}",
    ),
    ("given", "review"): (
        "Reviewed {cp}'s resume",
        "Gave {cp} feedback on their portfolio",
        "Reviewed {cp}'s LinkedIn profile",
    ),
    ("received", "review"): (
        "{cp} reviewed my resume",
        "{cp} gave me feedback on my portfolio",
        "{cp} reviewed my cover letter for {company}",
    ),
    ("given", "interview_prep"): (
        "Ran a mock interview with {cp}",
        "Helped {cp} prepare for their {company} interview",
        "Helped {cp} practise {skill} interview questions",
    ),
    ("received", "interview_prep"): (
        "{cp} helped me prepare for the {company} interview",
        "Mock interview with {cp} for the {role} role at {company}",
        "Mock interview with {cp}",
    ),
    ("given", "check_in"): (
        "Checked in with {cp}",
        "Coffee with {cp}",
        "Sent {cp} an article on {skill}",
        "Called {cp} to see how things are going",
    ),
    ("received", "check_in"): (
        "{cp} checked in on my search",
        "{cp} asked how interviews were going",
        "Lunch with {cp}",
    ),
    ("given", "thanks"): (
        "Thanked {cp} for the introduction",
        "Sent {cp} a thank-you note",
        "Thanked {cp} for their time",
    ),
    ("received", "thanks"): (
        "{cp} thanked me for the referral",
        "{cp} thanked me for the lead",
        "{cp} sent a thank-you note",
    ),
    ("given", "other"): (
        "Helped {cp} with a question on {skill}",
        "Shared a course on {skill} with {cp}",
    ),
    ("received", "other"): (
        "{cp} lent me a book on {skill}",
        "{cp} invited me to a meetup on {skill}",
    ),
}

COMPANY_NOTES = (
    "Mission fits what I care about.", "Reviews mention good mentoring.",
    "Growing fast; several teams hiring.", "Went through layoffs last year.",
    "Known for a long interview process.", "Remote-friendly.",
)

ACTION_NOTES = (
    "They said to mention their name when applying.", "Follow up after the hiring freeze.",
    "Went better than expected.", "Offered to help again any time.",
    "Mentioned a second team that may be hiring.", "Sent a calendar invite for next month.",
    "They are also job hunting; keep an eye out.", "Good conversation about the market.",
)
# fmt: on
