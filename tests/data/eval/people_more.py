"""people_more.py: more people added with issue 13 (buyers of the new ICPs
and a few people who matter to several ICPs). Keys as in evalkit."""
from evalkit import q, pos, group

# ------------------------------------------------------------ Fernbridge
q("Noor", "Rahman", "London, England, United Kingdom", "United Kingdom", "Technology, Information and Internet",
  "Co-founder & CTO | Finetune Foundry – fine-tuning as an API",
  "PhD in NLP (UCL). We help product teams fine-tune open models with one API call. Team of 9.",
  ["NLP", "PyTorch", "MLOps"],
  [pos("Co-founder & CTO", "Finetune Foundry", "1-10", "2024-01"),
   pos("Research Scientist", "Lumen Models", "51-200", "2021-01", "2023-12")],
  no="ML infrastructure founder",
  F=(3, "co-founder and CTO of a nine-person fine-tuning API startup, NLP PhD"))
q("Matías", "Silva", "Santiago, Santiago Metropolitan Region, Chile", "Chile", "Software Development",
  "Founder @ Cronbase | cron jobs as a service for developers",
  "", ["Go", "Distributed Systems", "SaaS"],
  [pos("Founder", "Cronbase", "1-10", "2023-03"),
   pos("Backend Engineer", "Cornershop", "1001-5000", "2017-01", "2023-02")],
  no="developer-tools founder",
  F=(3, "founder of a developer scheduling-API startup, backend engineer by background"))
q("Elif", "Demir", "Istanbul, Turkey", "Türkiye", "Technology, Information and Internet",
  "CEO & Co-founder @ Veriyol (data pipelines for LLM training)",
  "Former data engineer at Trendyol. We build tools to clean and version training data.",
  ["Data Engineering", "Spark", "LLMs"],
  [pos("CEO & Co-founder", "Veriyol", "11-50", "2023-06"),
   pos("Senior Data Engineer", "Trendyol", "5001-10000", "2018-01", "2023-05")],
  no="data-tools founder",
  F=(3, "co-founder and CEO of a training-data tools startup, a data engineer"),
  S=(1, "CEO of a small startup"))
q("Bjørn", "Halvorsen", "Trondheim, Trøndelag, Norway", "Norway", "Software Development",
  "CTO | Teknologidirektør & medgründer @ Strømlinje (energy-data API)",
  "", ["APIs", "Time Series", "Python"],
  [pos("Teknologidirektør & medgründer", "Strømlinje AS", "11-50", "2022-09"),
   pos("Software Engineer", "Statnett", "1001-5000", "2016-01", "2022-08")],
  tag="lang", no="API startup CTO",
  F=(3, "co-founder and CTO (Norwegian title) of an energy-data API startup"),
  S=(1, "CTO of a small startup"))
q("Sophie", "Nguyen", "Melbourne, Victoria, Australia", "Australia", "Software Development",
  "Founder & CEO · Flakeless (flaky-test detection for CI) · ex-Atlassian",
  "Eight years as an engineer on Atlassian's CI tooling; now fixing flaky tests for everyone.",
  ["CI/CD", "Testing", "Kotlin"],
  [pos("Founder & CEO", "Flakeless", "1-10", "2024-02"),
   pos("Senior Software Engineer", "Atlassian", "10001+", "2016-01", "2024-01")],
  no="developer-tools founder",
  F=(3, "founder-CEO of a CI test-tooling startup, an engineer at a CI vendor before"))
q("Karim", "Benali", "Casablanca, Morocco", "Morocco", "Technology, Information and Internet",
  "Co-founder & CEO | Darija AI (speech & text models for Moroccan Arabic)",
  "Machine learning engineer turned founder. We train and serve models for Darija.",
  ["NLP", "Speech", "GPU"],
  [pos("Co-founder & CEO", "Darija AI", "11-50", "2023-01"),
   pos("Machine Learning Engineer", "OCP Group", "10001+", "2018-01", "2022-12")],
  no="AI startup founder",
  F=(3, "co-founder and CEO of a language-model startup, an ML engineer"),
  S=(1, "CEO of a small startup"))

# ------------------------------------------------------------ Signalcast
q("Laura", "Mitchell", "Atlanta, Georgia, United States", "United States", "Software Development",
  "VP Marketing | Routewise | B2B SaaS for field service",
  "Owning pipeline, brand and marketing ops for a 400-person B2B SaaS company.",
  ["B2B Marketing", "Pipeline", "Marketing Ops"],
  [pos("VP Marketing", "Routewise", "201-500", "2021-04")],
  no="marketing leader",
  M=(3, "VP Marketing of a 400-person B2B SaaS company"))
q("Frederik", "Jensen", "Copenhagen, Capital Region of Denmark, Denmark", "Denmark", "Software Development",
  "Head of Growth | Lønly (B2B payroll SaaS)",
  "", ["Growth", "Demand Gen", "Experimentation"],
  [pos("Head of Growth", "Lønly ApS", "51-200", "2022-01")],
  no="growth leader",
  M=(3, "head of growth running acquisition at a 130-person B2B SaaS company"),
  P=(0, "works for a payroll software vendor"))
q("Zuzana", "Horváthová", "Bratislava, Slovakia", "Slovakia", "Computer and Network Security",
  "CMO @ Ochrana Cloud | cybersecurity SaaS",
  "", ["Marketing", "Cybersecurity", "Demand Generation"],
  [pos("CMO", "Ochrana Cloud a.s.", "201-500", "2020-03")],
  no="marketing leader",
  M=(3, "CMO of a 300-person cybersecurity SaaS company"))
q("Greg", "Patterson", "Vancouver, British Columbia, Canada", "Canada", "Software Development",
  "Director of Marketing | Timberline HR (SaaS)",
  "I run marketing for a 250-person HR software company: demand gen, content, events.",
  ["Demand Generation", "Events", "Content"],
  [pos("Director of Marketing", "Timberline HR", "201-500", "2020-06")],
  no="marketing leader",
  M=(3, "director of marketing of a 250-person B2B SaaS company"))
q("Inês", "Carvalho", "Porto, Portugal", "Portugal", "Software Development",
  "Head of Demand Generation @ Faturaly | B2B SaaS",
  "", ["Demand Generation", "Paid Media", "HubSpot"],
  [pos("Head of Demand Generation", "Faturaly", "201-500", "2022-09")],
  no="marketing leader",
  M=(3, "head of demand generation at a 300-person B2B SaaS company"))

# --------------------------------------------------------------- Palletra
q("Mark", "Tennant", "Doncaster, England, United Kingdom", "United Kingdom", "Retail",
  "Head of Warehouse Operations | Northfield Supermarkets",
  "Leading 3 regional DCs and 1,400 colleagues.",
  ["Warehouse Operations", "Automation", "Labour Planning"],
  [pos("Head of Warehouse Operations", "Northfield Supermarkets", "10001+", "2019-01")],
  no="warehouse leader",
  W=(3, "head of warehouse operations over three regional DCs of a supermarket chain"))
q("Nina", "Hartmann", "Hamburg, Germany", "Germany", "Technology, Information and Internet",
  "VP Operations | Versandhaus Nord (e-commerce)",
  "Verantwortlich für Fulfillment, Retouren und Kundenservice, 900 Mitarbeitende.",
  ["Fulfillment", "Operations", "Automatisierung"],
  [pos("VP Operations", "Versandhaus Nord GmbH", "501-1000", "2020-07")],
  no="operations leader",
  W=(3, "VP Operations owning fulfilment and returns at a 900-person online retailer"))
q("Luca", "Romano", "Verona, Veneto, Italy", "Italy", "Food and Beverage Manufacturing",
  "Supply Chain Director | Caseificio Veneto",
  "", ["Supply Chain", "Magazzini", "Distribuzione"],
  [pos("Supply Chain Director", "Caseificio Veneto S.p.A.", "501-1000", "2018-05")],
  no="supply chain leader",
  W=(3, "supply chain director of a cheese producer with its own distribution"))
q("Anna", "Lindberg", "Helsingborg, Skåne County, Sweden", "Sweden", "Wholesale",
  "Director of Distribution | Distributionschef @ Öresund Grossist",
  "", ["Distribution", "Lager", "Automation"],
  [pos("Distributionschef", "Öresund Grossist AB", "1001-5000", "2019-01")],
  tag="lang", no="distribution leader",
  W=(3, "head of distribution (Swedish title) of a large wholesaler"))
q("Tyrone", "Jackson", "Memphis, Tennessee, United States", "United States", "Transportation, Logistics, Supply Chain and Storage",
  "Senior Director, Fulfillment Operations | RiverPoint Logistics",
  "", ["Fulfillment", "Robotics", "Operations"],
  [pos("Senior Director, Fulfillment Operations", "RiverPoint Logistics", "5001-10000", "2020-01")],
  no="fulfilment leader",
  W=(3, "senior director of fulfilment operations at a large 3PL"))
q("Wojciech", "Grabowski", "Gądki, Wielkopolskie, Poland", "Poland", "Retail",
  "Head of DC Operations | Kierownik Centrum Dystrybucyjnego @ DomMarket",
  "", ["Centrum dystrybucyjne", "Zarządzanie zespołem", "Automatyzacja"],
  [pos("Kierownik Centrum Dystrybucyjnego", "DomMarket S.A.", "5001-10000", "2020-05")],
  tag="lang", no="distribution centre leader",
  W=(3, "runs a retailer's distribution centre (Polish title)"))

# --------------------------------------------------------------- Prüfwerk
q("Gerhard", "Pichler", "Steyr, Upper Austria, Austria", "Austria", "Machinery Manufacturing",
  "Leiter Qualitätsmanagement | Ennstal Getriebe",
  "", ["Qualitätsmanagement", "8D", "VDA 6.3"],
  [pos("Leiter Qualitätsmanagement", "Ennstal Getriebe GmbH", "501-1000", "2017-04")],
  no="Qualitätsleiter",
  Q=(3, "QM-Leiter eines österreichischen Getriebeherstellers mit 700 Mitarbeitenden"))
q("Silke", "Hermann", "Göppingen, Baden-Württemberg, Germany", "Germany", "Motor Vehicle Parts Manufacturing",
  "Quality Manager Plant | Qualitätsleiterin Werk Göppingen",
  "", ["IATF 16949", "Reklamationsmanagement", "8D"],
  [pos("Qualitätsleiterin Werk Göppingen", "Fils Automotive GmbH", "1001-5000", "2020-01")],
  no="Qualitätsleiterin",
  Q=(3, "Qualitätsleiterin eines Zulieferwerks; Reklamationsmanagement ist ihr Alltag"))
q("Thomas", "Gruber", "Bolzano, Trentino-South Tyrol, Italy", "Italy", "Machinery Manufacturing",
  "Leiter Qualitätssicherung | Südtirol Landtechnik",
  "", ["Qualitätssicherung", "Messtechnik"],
  [pos("Leiter Qualitätssicherung", "Südtirol Landtechnik GmbH", "201-500", "2016-01")],
  no="Qualitätsleiter",
  Q=(3, "leitet die QS eines deutschsprachigen Landmaschinenbauers in Südtirol, 350 Mitarbeitende"))
q("Kamil", "Dudek", "Tychy, Śląskie, Poland", "Poland", "Motor Vehicle Parts Manufacturing",
  "Quality Director | Dyrektor Jakości @ Tychy Components (German group)",
  "", ["IATF 16949", "8D", "Zarządzanie jakością"],
  [pos("Dyrektor Jakości", "Tychy Components Sp. z o.o.", "1001-5000", "2018-09")],
  tag="lang", no="Qualitätsdirektor",
  Q=(3, "Qualitätsdirektor (polnischer Titel) des polnischen Werks einer deutschen Gruppe"))
q("Iris", "Baumgartner", "St. Gallen, St. Gallen, Switzerland", "Switzerland", "Medical Equipment Manufacturing",
  "Head of Quality | Leiterin QM @ Säntis Medtech",
  "", ["ISO 13485", "CAPA", "Audits"],
  [pos("Leiterin QM", "Säntis Medtech AG", "201-500", "2021-02")],
  no="Qualitätsleiterin",
  Q=(3, "QM-Leiterin eines Schweizer Medizintechnikherstellers mit 300 Mitarbeitenden"))
q("Volker", "Brenner", "Schwäbisch Hall, Baden-Württemberg, Germany", "Germany", "Plastics Manufacturing",
  "Werkleiter Kunststofftechnik | Kocher Verpackungen",
  "", ["Werkleitung", "Extrusion", "Qualität"],
  [pos("Werkleiter", "Kocher Verpackungen GmbH", "501-1000", "2019-06")],
  no="Werkleiter",
  Q=(3, "Werkleiter eines Kunststoffverarbeiters mit 600 Mitarbeitenden"))

# ------------------------------------------------ people for several ICPs
q("Camilla", "Berg", "Oslo, Oslo, Norway", "Norway", "Software Development",
  "COO & Head of People | Fjordkode (120 people, NO · SE · PL)",
  "Operations, HR and payroll at a 120-person software company with teams in three countries.",
  ["Operations", "People", "Payroll"],
  [pos("COO & Head of People", "Fjordkode AS", "51-200", "2021-01")],
  tag="compound", no="operations and people leader",
  P=(3, "runs people and payroll of a 120-person software company in three countries"),
  L=(0, "operations and HR, not finance"))
q("Dirk", "Vos", "Rotterdam, South Holland, Netherlands", "Netherlands", "Software Development",
  "CFO & Head of HR | Havenplan (SaaS, NL · BE)",
  "Ik verantwoord finance, HR en salarisadministratie bij een SaaS-bedrijf van 160 mensen.",
  ["Finance", "HR", "Salarisadministratie"],
  [pos("CFO & Head of HR", "Havenplan B.V.", "51-200", "2020-09")],
  tag="compound", no="finance and HR leader",
  L=(3, "CFO of a 160-person SaaS company"),
  P=(3, "also heads HR and payroll for two countries: Payfolk's buyer too"))
q("Alessandra", "Greco", "Turin, Piedmont, Italy", "Italy", "Motor Vehicle Parts Manufacturing",
  "Plant Manager | Direttrice di Stabilimento @ Piemonte Componenti",
  "Direttrice dello stabilimento di Torino (550 persone) di un gruppo tedesco.",
  ["Gestione stabilimento", "Qualità", "Lean"],
  [pos("Direttrice di Stabilimento", "Piemonte Componenti S.r.l.", "501-1000", "2020-01")],
  no="plant manager",
  Q=(2, "Werkleiterin eines Zulieferwerks einer deutschen Gruppe, aber in Italien: außerhalb des Zielgebiets"),
  W=(0, "runs a factory, not distribution"))
