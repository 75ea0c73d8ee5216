"""Invented vocabulary for the sample network: skills, titles, needs, how people met, notes.

Everything here is made up; text with {placeholders} is filled in by the generator.
"""

from __future__ import annotations

from typing import TypedDict


class Family(TypedDict):
    """A skill family: what people in it offer, what they are called, what companies need."""

    skills: tuple[str, ...]
    titles: tuple[str, ...]
    managers: tuple[str, ...]
    needs: tuple[tuple[str, str], ...]  # (title, problem)


# fmt: off
#: Skill families: what people in them offer, what they are called, what companies need.
#: Each need is (title, problem).
FAMILIES: dict[str, Family] = {
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
