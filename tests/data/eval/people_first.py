"""people_first.py: the original 156 people judged against the ICPs added
with issue 13 (Fernbridge F, Signalcast M, Palletra W, Prüfwerk Q).
Each line is one person; a key left out is relevance 0 for the reason
"<no>: <what the ICP wants>" (evalkit.NOFIT)."""
from evalkit import later

# ---------------------------------------------------------------- finance
later("maren-solberg", "finance leader")
later("david-okafor", "finance leader")
later("priya-raman", "finance leader")
later("sophie-laurent", "finance leader")
later("jonas-becker", "finance leader")
later("lucia-fernandez", "finance leader")
later("bram-de-vries", "finance leader")
later("ana-carvalho", "finance leader of a 40-person fintech")
later("kenji-watanabe", "finance leader")
later("rachel-goldberg", "bank finance executive")
later("tom-whitaker", "charity finance")
later("gareth-price", "finance at a farm co-operative")
later("helen-ashby", "retail finance",
      W=(1, "CFO of a 3,000-person department store group: approves warehouse capex, does not run distribution"))
later("oliver-grant", "search-firm partner who places finance leaders")
later("emma-thompson", "student")
later("mark-delaney", "fractional CFO")
later("chloe-martin", "salesperson selling to CFOs")
later("richard-hale", "venture investor in fintech",
      F=(0, "invests in fintech and finance tooling; investors are not Fernbridge's buyers"))
later("ingrid-holm", "startup CEO with a finance background",
      F=(2, "co-founder and CEO of a 20-person analytics startup, but from finance rather than engineering"),
      M=(0, "CEO of a 20-person startup without a marketing team; below Signalcast's size"))
later("nadia-petrova", "financial controller")
later("connor-walsh", "financial controller")
later("aisha-khan", "FP&A")
later("pieter-jansen", "accountant")
later("lena-schulz", "finance at a D2C brand",
      W=(0, "finance lead of a 300-person D2C brand that ships through a 3PL; no operations remit"))
later("michael-chen", "revenue accounting")
later("fiona-macleod", "finance leader")
later("graham-ellis", "non-executive director, former CFO")
later("yusuf-demir", "interim CFO")
later("siobhan-byrne", "public-sector finance")
later("andrew-hartwell", "auditor")
later("camille-roux", "CFO and business angel",
      F=(0, "a CFO; her angel investing is beside the main job and investors do not buy"))
later("sanne-visser", "finance leader")
later("nico-rossi", "finance leader")
later("erik-lindgren", "finance leader")
later("claire-dubois", "coach, former finance director")
later("hannah-brooks", "finance at a creative agency")
later("rafael-moreno", "treasury")
later("olivia-stein", "COO and CFO of a seed startup",
      F=(1, "runs finance and operations at a 25-person B2B startup: not a founder or the technical lead"))
later("jake-turner", "revenue operations",
      M=(1, "revenue operations at a 700-person SaaS company owns pipeline data, not the marketing budget"))
later("wendy-clarke", "freelance bookkeeper")
later("stuart-ferguson", "football club finance")
later("carmen-ortega", "finance headhunter")
later("felix-wagner", "student")
later("haruka-sato", "accounting manager")
later("joost-bakker", "controller")
later("beatriz-almeida", "finance leader")
later("daniel-kowalski", "finance and operations at a startup")
later("marta-nowak", "accounts payable",
      W=(0, "accounts payable clerk at a logistics firm: no say over warehouse operations"))
later("samuel-adeyemi", "finance consultant")

# ------------------------------------------------------------ engineering
later("elena-popescu", "engineering leader",
      F=(1, "CTO of a 300-person company: far past the startup stage Fernbridge serves"),
      W=(0, "CTO of a logistics software vendor: builds software, runs no warehouses"))
later("james-o-connor", "engineering leader")
later("fatima-zahra-el-amrani", "platform engineering leader")
later("lukas-novak-infra", "infrastructure leader")
later("sarah-lindqvist", "security leader")
later("marcus-reid", "security leader")
later("tomasz-zielinski", "platform engineering manager")
later("aiko-tanaka", "site reliability engineer")
later("ravi-menon", "DevOps engineer at an agency")
later("jess-morgan", "tech recruiter")
later("kwame-mensah", "bootcamp student")
later("lars-eriksen", "independent cloud consultant",
      F=(0, "a one-person consultancy sells services; not a technical product startup"))
later("megan-foster", "salesperson")
later("pedro-santos", "co-founder of a web studio",
      F=(0, "co-founder of a four-person web studio building client websites: an agency, not a product"))
later("gillian-shaw", "hospital IT")
later("victor-almeida", "seed investor",
      F=(1, "seed investor in developer tools: refers founders, does not buy"))
later("oskar-berg", "baker, former CTO")
later("brendan-kelly", "internal IT at a builder")
later("julien-marchand", "engineering leader",
      F=(1, "CTO of a 150-person SaaS publisher: past the startup stage"))
later("katrin-hoffmann", "platform leader")
later("alejandro-ruiz", "cloud infrastructure leader at a retailer",
      W=(0, "runs cloud infrastructure at a retailer, not its warehouses"))
later("takeshi-mori", "engineering leader")
later("gabriel-costa", "engineering manager")
later("ruben-smit", "platform team lead")
later("noah-fischer", "startup CTO",
      F=(2, "CTO of a seed-stage startup with an engineering background; what Pendulo builds is not said"))
later("yara-haddad", "security leader")
later("mateusz-lewandowski", "engineering leader at a retailer")
later("martin-hughes", "law-firm IT")
later("chloe-girard", "junior developer")
later("sven-larsen", "QA tester")
later("charles-whitmore", "bank technology executive",
      F=(0, "CTO of a large bank: the title matches, the company is no startup"))
later("ewa-kaminska", "data engineering manager")
later("arjun-patel", "product manager at a security vendor")
later("grace-njeri", "engineering head at a nonprofit")
later("dieter-krause", "engineering coach")
later("leila-moradi", "SOC analyst")
later("hugo-lambert", "cloud architect at a consultancy")
later("diego-navarro", "DevOps leader")
later("hanna-korhonen", "site reliability manager")
later("owen-davies", "engineering leader")
later("zoe-kim", "student")
later("philippa-ward", "technology head of a retailer",
      W=(1, "technology head of a 15,000-person retailer: a voice on warehouse automation, not its owner"))
later("ahmed-hassan", "former engineering leader on sabbatical")
later("sebastian-vogt", "startup founder",
      F=(2, "CEO and co-founder of a 30-person DevSecOps tooling startup: the right product; his own background is not shown"))
later("anja-schmitt", "IT recruiter")
later("liam-byrne", "technical co-founder",
      F=(2, "technical co-founder of a six-person pre-seed startup; the product is not described"))
later("ingrid-dahl", "security engineer")
later("jurgen-braun", "IT infrastructure at a car-parts maker",
      Q=(0, "leitet IT-Infrastruktur in einem Automobilzulieferer, nicht Qualität oder ein Werk"))
later("maria-jose-castillo", "engineering leader")

# ------------------------------------------------------------------ people
later("katharina-vogel", "HR leader at a logistics company",
      W=(0, "heads HR at a logistics company, not its operations"))
later("amelia-harris", "HR leader")
later("marcos-silva", "HR leader")
later("carmen-vidal", "HR leader at a retailer")
later("elodie-fontaine", "HR leader")
later("sabine-keller", "HR leader at a machine builder",
      Q=(0, "Personalleitung in einem Maschinenbauer, kein Qualitätsthema"))
later("jeroen-mulder", "HR leader at a logistics company")
later("ines-rocha", "HR leader")
later("hiroshi-yamada", "HR leader")
later("chloe-evans", "people operations")
later("rohan-gupta", "HR business partner")
later("agnieszka-wojcik", "payroll manager")
later("isabel-hughes", "talent acquisition")
later("tom-baxter", "recruiter")
later("lea-moreau", "student")
later("paul-whitfield", "HR consultant",
      F=(0, "founder of a one-person HR consultancy: a service business"))
later("nina-petersen", "salesperson")
later("rebecca-lloyd", "yoga teacher")
later("max-hofer", "HR at a six-person startup")
later("victoria-sterling", "HR executive")
later("sofia-andersson", "HR leader")
later("emily-green", "HR lead")
later("daan-hendriks", "HR manager")
later("laura-bianchi", "COO of a fintech")
later("hannah-fischer", "office manager")
later("ola-adebayo", "EOR sales consultant")
later("margaret-o-brien", "board advisor, former HR executive")
later("henrik-nilsson", "employment lawyer")
later("fiona-kerr", "hospital HR")
later("piotr-mazur", "HR lead")
later("kate-sullivan", "compensation and benefits")
later("antoine-mercier", "HR leader")
later("megan-price", "HR generalist")
later("julia-richter", "HR officer")
later("daniela-costa", "VC talent partner")
later("lucas-ferreira", "HR manager")
later("harriet-cole", "people analytics")
later("ruth-meyer", "HR operations leader")
later("jordi-puig", "HR leader at a food manufacturer")
later("tariq-aziz", "marketing agency founder",
      F=(0, "founder of a 40-person marketing agency: services, no technical product"),
      M=(0, "runs a marketing agency: a service provider to marketers, not a buyer"))
later("sophie-wright", "chief of staff")
later("bruno-lefevre", "training manager")
later("jana-dvorak", "payroll bureau")
later("thomas-laurent", "global mobility")
later("camille-petit", "PhD student, former HR director")
later("matthias-gerber", "HR leader")
later("aino-virtanen", "HR leader")
later("brigitte-maier", "HR in a small shop")

# ---------------------------------------------------------------- others
later("chris-palmer", "marketing manager",
      M=(2, "runs demand generation at a 140-person B2B SaaS scaleup, one level below a marketing head"))
later("anders-holm", "industrial sales director",
      Q=(0, "Vertriebsleiter, keine Qualitätsverantwortung"))
later("mei-lin", "product designer")
later("siobhan-murphy-teach", "teacher")
later("joanna-nowicka", "nurse")
later("benjamin-hart", "founder-CEO of a vertical SaaS company",
      F=(1, "founder-CEO of an 80-person legal SaaS company: past the startup stage and a seller, not an engineer"),
      M=(1, "CEO of an 80-person SaaS company; marketing is someone else's budget"))
later("klaus-neumann", "managing director of a machine builder",
      Q=(1, "Geschäftsführer eines Maschinenbauers mit 150 Mitarbeitenden: unter der Zielgröße, Qualität entscheidet er nur mit"))
later("victoria-ng", "investment banker")
later("omar-farouk", "data scientist")
later("greta-lund", "COO of a payments company")
