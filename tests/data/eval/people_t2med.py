"""people_t2med.py: the people of the tune-only ICP Conformea (key D,
icp-conformea.json, written in Italian: regulatory-affairs and quality
software, MDR/IVDR technical documentation, for small and mid-size
medical-device and diagnostics manufacturers in Italy and Europe), written
blind to the scoring rules. They are judged for Conformea only
(q(..., tune2=True)), with reasons in Italian like the ICP; tune2() judges
the earlier people of the tune split where the default 0 needs its own
reason. Keys as in evalkit."""
from evalkit import q, pos, group, tune2

# ------------------------------------------------------------ gli acquirenti (3)
q("Chiara", "Benedetti", "Bologna, Emilia-Romagna, Italia", "Italy", "Medical Equipment Manufacturing",
  "Responsabile Affari Regolatori | Ortholine S.p.A. | MDR, protesi ortopediche",
  "Guido il team regolatorio di un fabbricante di protesi d'anca e di ginocchio (350 persone): documentazione tecnica MDR, rapporti con l'organismo notificato, PMS.",
  ["MDR", "Documentazione tecnica", "ISO 13485", "Marcatura CE"],
  [pos("Responsabile Affari Regolatori", "Ortholine S.p.A.", "201-500", "2019-03"),
   pos("Regulatory Affairs Specialist", "Emilia Implantologia", "501-1000", "2013-09", "2019-02")],
  tune2=True,
  D=(3, "responsabile affari regolatori di un fabbricante di protesi di 350 persone in Italia: l'acquirente"))
q("Marco", "Ferraresi", "Mirandola, Emilia-Romagna, Italia", "Italy", "Medical Equipment Manufacturing",
  "QA/RA Manager @ Dialtec Srl | distretto biomedicale di Mirandola",
  "Qualità e regolatorio per linee di dialisi e set monouso, classe IIb. 120 persone.",
  ["ISO 13485", "MDR", "Risk Management", "CAPA"],
  [pos("QA/RA Manager", "Dialtec Srl", "51-200", "2020-01")],
  tune2=True,
  D=(3, "QA/RA manager di un fabbricante di dispositivi per dialisi di 120 persone"))
q("Francesca", "Lodi", "Milano, Lombardia, Italia", "Italy", "Medical Equipment Manufacturing",
  "Direttore Qualità e Affari Regolatori | Bioanalitica Italia | IVDR",
  "Transizione IVDR di 180 reagenti e strumenti diagnostici in vitro. 400 persone, export in 40 paesi.",
  ["IVDR", "ISO 13485", "Performance Evaluation", "Audit"],
  [pos("Direttore Qualità e Affari Regolatori", "Bioanalitica Italia S.p.A.", "201-500", "2017-06")],
  tune2=True,
  D=(3, "direttrice qualità e affari regolatori di un fabbricante IVD di 400 persone, in piena transizione IVDR"))
q("Giulia", "Santoro", "Padova, Veneto, Italia", "Italy", "Medical Equipment Manufacturing",
  "Regulatory Affairs Manager at Cardiovia",
  "Technical files and clinical evaluation for our cardiac catheters under MDR.",
  ["Regulatory Affairs", "Clinical Evaluation", "Technical Documentation"],
  [pos("Regulatory Affairs Manager", "Cardiovia Srl", "51-200", "2021-04")],
  tune2=True,
  D=(3, "regulatory affairs manager (titolo inglese) di un fabbricante di cateteri di 80 persone a Padova"))
q("Stefan", "Kessler", "Tuttlingen, Baden-Württemberg, Deutschland", "Germany", "Medical Equipment Manufacturing",
  "Leiter Regulatory Affairs | Medivant GmbH | chirurgische Instrumente",
  "Verantwortlich für technische Dokumentation nach MDR und die Zusammenarbeit mit der Benannten Stelle. 450 Mitarbeitende.",
  ["MDR", "Technische Dokumentation", "Benannte Stelle", "ISO 14971"],
  [pos("Leiter Regulatory Affairs", "Medivant GmbH", "201-500", "2018-01"),
   pos("Regulatory Affairs Manager", "Aesculap AG", "5001-10000", "2011-04", "2017-12")],
  tune2=True, tag="lang",
  D=(3, "capo degli affari regolatori (titolo tedesco) di un fabbricante di strumenti chirurgici di 450 persone"))
q("Claire", "Fontenaud", "Lyon, Auvergne-Rhône-Alpes, France", "France", "Medical Equipment Manufacturing",
  "Responsable Affaires Réglementaires | Orthéa Implants",
  "Dossiers techniques MDR pour implants rachidiens, classe III. 220 collaborateurs.",
  ["Affaires réglementaires", "MDR", "Marquage CE"],
  [pos("Responsable Affaires Réglementaires", "Orthéa Implants SAS", "201-500", "2020-09")],
  tune2=True, tag="lang",
  D=(3, "responsabile affari regolatori (titolo francese) di un fabbricante di impianti di 220 persone"))
q("Javier", "Molina Ortega", "Valencia, Comunidad Valenciana, España", "Spain", "Medical Equipment Manufacturing",
  "Director de Asuntos Regulatorios | Diagnóstica Levante",
  "Reactivos y analizadores de diagnóstico in vitro. Transición al IVDR. 300 empleados.",
  ["IVDR", "Asuntos regulatorios", "ISO 13485"],
  [pos("Director de Asuntos Regulatorios", "Diagnóstica Levante S.L.", "201-500", "2016-02")],
  tune2=True, tag="lang",
  D=(3, "direttore affari regolatori (titolo spagnolo) di un fabbricante IVD di 300 persone"))
q("Joris", "van Houten", "Eindhoven, North Brabant, Netherlands", "Netherlands", "Medical Equipment Manufacturing",
  "Manager Regulatory Affairs | Hartline Medical",
  "", ["Regulatory Affairs", "MDR", "Software as a Medical Device"],
  [pos("Manager Regulatory Affairs", "Hartline Medical B.V.", "51-200", "2019-08",
       desc="ECG-monitoring devices and software, 150 people.")],
  tune2=True,
  D=(3, "regulatory affairs manager di un fabbricante olandese di dispositivi ECG di 150 persone"))
q("Luca", "Marchisio", "Torino, Piemonte, Italia", "Italy", "Medical Equipment Manufacturing",
  "Head of Quality & Regulatory | Respira Devices",
  "Ventilatori polmonari e dispositivi per terapia respiratoria. 600 persone, stabilimenti a Torino e Brno.",
  ["Quality Management", "Regulatory Strategy", "MDR", "FDA 510(k)"],
  [pos("Head of Quality & Regulatory", "Respira Devices S.p.A.", "501-1000", "2018-05")],
  tune2=True,
  D=(3, "head of quality & regulatory di un fabbricante di ventilatori di 600 persone"))
q("Elena", "Gualtieri", "Firenze, Toscana, Italia", "Italy", "Medical Equipment Manufacturing",
  "Regulatory Affairs Director | Ottica Medica",
  "Lenti intraoculari e dispositivi oftalmici, 900 persone. Guido un team di 8 tra regolatorio e PMS.",
  ["Regulatory Affairs", "Post-Market Surveillance", "Team Leadership"],
  [pos("Regulatory Affairs Director", "Ottica Medica S.p.A.", "501-1000", "2016-01")],
  tune2=True,
  D=(3, "direttrice affari regolatori di un fabbricante oftalmico di 900 persone"))
q("Paolo", "Venturini", "Verona, Veneto, Italia", "Italy", "Medical Equipment Manufacturing",
  "Responsabile Qualità e Regolatorio | Dentalys",
  "Impianti dentali e componenti protesici. 60 persone, siamo in pochi e faccio tutto io: fascicoli tecnici, audit, vigilanza.",
  ["ISO 13485", "MDR", "Fascicolo tecnico", "Vigilanza"],
  [pos("Responsabile Qualità e Regolatorio", "Dentalys Srl", "51-200", "2015-04")],
  tune2=True,
  D=(3, "responsabile qualità e regolatorio di un fabbricante di impianti dentali di 60 persone"))
q("Hans-Peter", "Wirth", "Bern, Canton of Bern, Switzerland", "Switzerland", "Medical Equipment Manufacturing",
  "Head of QA/RA | Aarenmed AG",
  "Hörimplantate, 180 Mitarbeitende. MDR und Swissmedic.",
  ["QA/RA", "MDR", "Swissmedic", "ISO 13485"],
  [pos("Head of QA/RA", "Aarenmed AG", "51-200", "2017-10")],
  tune2=True,
  D=(3, "head of QA/RA di un fabbricante svizzero di impianti acustici di 180 persone (la Svizzera è nell'ICP)"))
q("Sofie", "Verstraeten", "Ghent, Flemish Region, Belgium", "Belgium", "Medical Equipment Manufacturing",
  "QA/RA Manager | Woundcare Solutions",
  None,
  ["Quality Assurance", "Regulatory Affairs"],
  [pos("QA/RA Manager", "Woundcare Solutions NV", "51-200", "2021-02",
       desc="Advanced wound dressings, class IIb, 90 people.")],
  tune2=True,
  D=(3, "QA/RA manager di un fabbricante belga di medicazioni avanzate di 90 persone; nessun riassunto"))
q("Íñigo", "Zubiaurre", "Bilbao, País Vasco, España", "Spain", "Medical Equipment Manufacturing",
  "Responsable de Calidad y Asuntos Regulatorios | Quirúrgica Norte",
  "Instrumental quirúrgico y material de osteosíntesis. 140 personas.",
  ["Calidad", "Asuntos regulatorios", "MDR"],
  [pos("Responsable de Calidad y Asuntos Regulatorios", "Quirúrgica Norte S.A.", "51-200", "2018-11")],
  tune2=True, tag="lang",
  D=(3, "responsabile qualità e affari regolatori (titolo spagnolo) di un fabbricante di strumenti chirurgici di 140 persone"))
q("Roberto", "Gallo", "Modena, Emilia-Romagna, Italia", "Italy", "Medical Equipment Manufacturing",
  "Regulatory Affairs Manager",
  None, None,
  [pos("Regulatory Affairs Manager", "Sterilmed Italia Srl", "51-200", "2022-01")],
  tune2=True,
  D=(3, "regulatory affairs manager di un'azienda medicale; profilo scarno, ma nome e settore parlano chiaro"))
q("Valentina", "Greco", "Napoli, Campania, Italia", "Italy", "Medical Equipment Manufacturing",
  "Responsabile Affari Regolatori & PRRC | Genovia Diagnostics",
  "Kit molecolari per diagnosi in vitro. 45 persone. Sono la persona responsabile del rispetto della normativa (art. 15 IVDR).",
  ["IVDR", "PRRC", "Biologia molecolare"],
  [pos("Responsabile Affari Regolatori & PRRC", "Genovia Diagnostics Srl", "11-50", "2021-06")],
  tune2=True, tag="compound",
  D=(3, "responsabile affari regolatori e PRRC di un fabbricante IVD di 45 persone"))
q("Andrea", "Fumagalli", "Monza, Lombardia, Italia", "Italy", "Medical Equipment Manufacturing",
  "Direttore Qualità | Elettromedicali Brianza",
  "Sistema qualità ISO 13485 e fascicoli tecnici MDR dei nostri elettrobisturi e aspiratori chirurgici. 250 persone.",
  ["ISO 13485", "MDR", "Audit interni"],
  [pos("Direttore Qualità", "Elettromedicali Brianza S.p.A.", "201-500", "2014-03")],
  tune2=True,
  D=(3, "direttore qualità che tiene anche i fascicoli tecnici MDR di un fabbricante di 250 persone"))
q("Martina", "Ravasi", "Como, Lombardia, Italia", "Italy", "Medical Equipment Manufacturing",
  "RA Manager @ Lariomed · Rifugista d'estate al Rifugio Menaggio 🏔️",
  "Affari regolatori per pompe da infusione (200 persone). D'estate do una mano nel rifugio di famiglia.",
  ["Regulatory Affairs", "MDR", "Risk Management"],
  [pos("Regulatory Affairs Manager", "Lariomed Srl", "201-500", "2020-02"),
   pos("Co-gestore", "Rifugio Menaggio", "1-10", "2018-06", etype="Seasonal")],
  tune2=True, tag="side",
  D=(3, "RA manager di un fabbricante di pompe da infusione; il rifugio è un lavoro stagionale a lato"))
q("Camille", "Girardot", "Paris, Île-de-France, France", "France", "Medical Equipment Manufacturing",
  "Directrice Qualité & Affaires Réglementaires | Dermalis Médical",
  "Dispositifs pour la dermatologie et la cicatrisation. 500 collaborateurs.",
  ["Qualité", "Affaires réglementaires", "ISO 13485", "MDR"],
  [pos("Directrice Qualité & Affaires Réglementaires", "Dermalis Médical", "501-1000", "2019-01")],
  tune2=True, tag="lang",
  D=(3, "direttrice qualità e affari regolatori (titolo francese) di un fabbricante di 500 persone"))
q("Thomas", "Berghofer", "München, Bayern, Deutschland", "Germany", "Medical Equipment Manufacturing",
  "Director Regulatory Affairs & Quality | Vitalsens",
  "Wearable vital-sign monitors, class IIa, 300 people. MDR, IEC 62304, notified-body audits.",
  ["MDR", "IEC 62304", "ISO 13485", "Notified Body"],
  [pos("Director Regulatory Affairs & Quality", "Vitalsens GmbH", "201-500", "2020-05")],
  tune2=True,
  D=(3, "direttore affari regolatori e qualità di un fabbricante tedesco di dispositivi indossabili di 300 persone"))
q("Ilaria", "Conti", "Milano, Lombardia, Italia", "Italy", "Software Development",
  "QA/RA Manager | Radiomind – AI software medical device (classe IIb)",
  "Software dispositivo medico per la refertazione radiologica. 70 persone.",
  ["SaMD", "MDR", "IEC 62304", "ISO 13485"],
  [pos("QA/RA Manager", "Radiomind Srl", "51-200", "2022-03")],
  tune2=True,
  D=(3, "QA/RA manager di un fabbricante di software dispositivo medico: il settore LinkedIn dice software, il prodotto è un dispositivo"))
q("Nicola", "Bassi", "Pozzuoli, Campania, Italia", "Italy", "Biotechnology Research",
  "Responsabile Affari Regolatori | Partenope Bioreagenti",
  "Fabbrichiamo kit ELISA e reagenti per diagnosi in vitro. 30 persone.",
  ["IVDR", "Documentazione tecnica"],
  [pos("Responsabile Affari Regolatori", "Partenope Bioreagenti Srl", "11-50", "2023-01")],
  tune2=True,
  D=(3, "responsabile affari regolatori di un fabbricante IVD di 30 persone (settore LinkedIn biotech)"))
q("Eva", "Lindner", "Graz, Styria, Austria", "Austria", "Medical Equipment Manufacturing",
  "Leiterin Qualitätsmanagement & Regulatory Affairs | Alpenmed Diagnostics",
  "", ["IVDR", "Qualitätsmanagement", "ISO 13485"],
  [group("Alpenmed Diagnostics GmbH", "7 yrs 2 mos", "51-200"),
   pos("Leiterin Qualitätsmanagement & Regulatory Affairs", "Alpenmed Diagnostics GmbH", "51-200", "2022-01"),
   pos("Regulatory Affairs Specialist", "Alpenmed Diagnostics GmbH", "51-200", "2018-10", "2021-12")],
  tune2=True, tag="lang",
  D=(3, "capo di qualità e affari regolatori (titolo tedesco) di un fabbricante austriaco di diagnostici di 120 persone"))
q("Federico", "Pini", "Mirandola, Emilia-Romagna, Italia", "Italy", "Medical Equipment Manufacturing",
  "Head of Regulatory Affairs | Biomedica Emiliana",
  "Guido il regolatorio di un gruppo di 1.800 persone: dispositivi per dialisi, cardiochirurgia e trasfusione.",
  ["Regulatory Strategy", "MDR", "Team Leadership"],
  [pos("Head of Regulatory Affairs", "Biomedica Emiliana S.p.A.", "1001-5000", "2015-09")],
  tune2=True,
  D=(3, "capo degli affari regolatori di un fabbricante di 1.800 persone, al limite alto della fascia"))
q("Agnieszka", "Wilk", "Poznań, Greater Poland, Poland", "Poland", "Medical Equipment Manufacturing",
  "Kierownik ds. Rejestracji i Jakości | Regulatory & Quality Manager @ Medpol Ortho",
  "", ["MDR", "ISO 13485"],
  [pos("Kierownik ds. Rejestracji i Jakości", "Medpol Ortho Sp. z o.o.", "51-200", "2019-05")],
  tune2=True, tag="lang",
  D=(3, "responsabile regolatorio e qualità (titolo polacco) di un fabbricante ortopedico polacco di 51-200 persone"))

# ------------------------------------------------------------ forti, con una riserva (2)
q("Sara", "Brambati", "Bergamo, Lombardia, Italia", "Italy", "Medical Equipment Manufacturing",
  "Regulatory Affairs Specialist | Ortholine",
  "Scrivo e aggiorno la documentazione tecnica MDR delle nostre protesi.",
  ["Technical Documentation", "MDR", "GSPR"],
  [pos("Regulatory Affairs Specialist", "Ortholine S.p.A.", "201-500", "2021-09")],
  tune2=True,
  D=(2, "specialista regolatoria di un fabbricante adatto: usa lo strumento ogni giorno, non firma"))
q("Daniela", "Perego", "Varese, Lombardia, Italia", "Italy", "Medical Equipment Manufacturing",
  "Direttore Qualità | Insubria Medical",
  "Sistema qualità, audit fornitori e CAPA per un fabbricante di 300 persone.",
  ["ISO 13485", "CAPA", "Audit fornitori"],
  [pos("Direttore Qualità", "Insubria Medical S.p.A.", "201-500", "2016-01")],
  tune2=True,
  D=(2, "direttrice qualità di un fabbricante medicale, ma del regolatorio non dice nulla: prescrittrice forte"))
q("Kathrin", "Vogler", "Freiburg, Baden-Württemberg, Deutschland", "Germany", "Medical Equipment Manufacturing",
  "Clinical Affairs Manager | Breisgau Cardio GmbH",
  "Klinische Bewertung und PMCF für Herzklappen nach MDR.",
  ["Clinical Evaluation", "PMCF", "MDR"],
  [pos("Clinical Affairs Manager", "Breisgau Cardio GmbH", "201-500", "2020-03")],
  tune2=True,
  D=(2, "affari clinici di un fabbricante di valvole cardiache: la valutazione clinica è parte della documentazione MDR, ma non guida il regolatorio"))
q("Giorgio", "Taddei", "Pisa, Toscana, Italia", "Italy", "Medical Equipment Manufacturing",
  "Fondatore e Amministratore Delegato | Tactilab",
  "Guanti sensorizzati per la riabilitazione, 40 persone. La marcatura CE l'abbiamo seguita io e un consulente.",
  ["Imprenditoria", "Robotica", "Marcatura CE"],
  [pos("Fondatore e Amministratore Delegato", "Tactilab Srl", "11-50", "2017-05")],
  tune2=True,
  D=(2, "fondatore e AD di un fabbricante di 40 persone senza un responsabile regolatorio: decide lui, con riserva"))
q("Rachel", "Okafor-Bennett", "Minneapolis, Minnesota, United States", "United States", "Medical Equipment Manufacturing",
  "Director, Regulatory Affairs | Northstar Neuro",
  "FDA and EU MDR submissions for neurostimulation devices. 250 people.",
  ["FDA", "EU MDR", "Regulatory Strategy"],
  [pos("Director, Regulatory Affairs", "Northstar Neuro", "201-500", "2018-07")],
  tune2=True,
  D=(2, "direttrice affari regolatori di un fabbricante adatto, ma negli Stati Uniti, fuori dall'Europa"))
q("Matthias", "Ebner", "Innsbruck, Tyrol, Austria", "Austria", "Medical Equipment Manufacturing",
  "Director Regulatory Affairs EMEA | Tyrolmed",
  "Hörsysteme und Implantate, 2.600 Mitarbeitende weltweit.",
  ["Regulatory Affairs", "MDR", "Leadership"],
  [pos("Director Regulatory Affairs EMEA", "Tyrolmed GmbH", "1001-5000", "2019-02")],
  tune2=True,
  D=(2, "direttore affari regolatori di un fabbricante di 2.600 persone: poco sopra la fascia"))

# ------------------------------------------------------------ deboli (1)
q("Tommaso", "Arici", "Brescia, Lombardia, Italia", "Italy", "Medical Equipment Manufacturing",
  "Co-founder & Regulatory Lead | Nervia (pre-seed)",
  "Siamo in 5 e stiamo preparando la prima marcatura CE di un neurostimolatore.",
  ["MDR", "Startup"],
  [pos("Co-founder & Regulatory Lead", "Nervia Srl", "1-10", "2024-02")],
  tune2=True,
  D=(1, "il ruolo regolatorio giusto, ma una startup di 5 persone senza prodotto sul mercato"))
q("Susanne", "Albrecht", "Erlangen, Bayern, Deutschland", "Germany", "Medical Equipment Manufacturing",
  "Director Regulatory Affairs, Imaging | Helix Medical Systems",
  "Regulatory strategy for CT and MR systems in a 60,000-person medtech group.",
  ["Regulatory Strategy", "MDR", "Global Submissions"],
  [pos("Director Regulatory Affairs, Imaging", "Helix Medical Systems AG", "10001+", "2014-01")],
  tune2=True,
  D=(1, "direttrice regolatoria di una multinazionale di 60.000 persone, con sistemi propri"))
q("Alessio", "Riva", "Bologna, Emilia-Romagna, Italia", "Italy", "Medical Equipment Manufacturing",
  "Direttore R&D | Ortholine",
  "Sviluppo nuovi impianti e design control.",
  ["R&D", "Design Control", "Ingegneria biomedica"],
  [pos("Direttore Ricerca e Sviluppo", "Ortholine S.p.A.", "201-500", "2012-01")],
  tune2=True,
  D=(1, "direttore R&D di un fabbricante adatto: contribuisce al fascicolo tecnico, non compra"))
q("Lorenzo", "Vitale", "Roma, Lazio, Italia", "Italy", "Pharmaceutical Manufacturing",
  "Regulatory Affairs Manager | farmaci e prodotti combinati farmaco-dispositivo",
  "Dossier CTD per farmaci iniettabili; seguo anche le parti dispositivo (art. 117 MDR) delle siringhe preriempite.",
  ["CTD", "AIFA", "Combination Products"],
  [pos("Regulatory Affairs Manager", "Farmalazio S.p.A.", "501-1000", "2017-04")],
  tune2=True,
  D=(1, "regolatorio farmaceutico che tocca i dispositivi solo nei prodotti combinati"))
q("Beatrice", "Sala", "Milano, Lombardia, Italia", "Italy", "Wholesale",
  "QA/RA Manager | Medidistribuzione Italia (importatore e distributore)",
  "Obblighi di importatore e distributore MDR per 40 fabbricanti esteri.",
  ["MDR", "Importazione", "Vigilanza"],
  [pos("QA/RA Manager", "Medidistribuzione Italia Srl", "51-200", "2020-06")],
  tune2=True,
  D=(1, "QA/RA di un importatore e distributore: obblighi MDR, ma nessuna documentazione tecnica propria"))

# ------------------------------------------------------------ non adatti (0)
q("Gianluca", "Moretti", "Milano, Lombardia, Italia", "Italy", "Business Consulting and Services",
  "Lead Auditor MDR | Organismo Notificato",
  "Audit di sistemi qualità ISO 13485 e valutazione della documentazione tecnica per l'organismo notificato.",
  ["Audit", "MDR", "ISO 13485"],
  [pos("Lead Auditor MDR", "Certimed Organismo Notificato", "201-500", "2018-01")],
  tune2=True,
  D=(0, "auditor di un organismo notificato: valuta i fabbricanti, non è uno di loro"))
q("Serena", "Bianchini", "Torino, Piemonte, Italia", "Italy", "Business Consulting and Services",
  "Aiuto le aziende medicali a ottenere la marcatura CE 🇪🇺 | Consulente regolatorio MDR/IVDR",
  "Ex RA manager. Oggi affianco i fabbricanti nella documentazione tecnica MDR.",
  ["MDR", "IVDR", "Consulenza"],
  [pos("Fondatrice", "Bianchini Regulatory Consulting", "1-10", "2019-01", etype="Self-employed"),
   pos("Regulatory Affairs Manager", "Respira Devices S.p.A.", "501-1000", "2012-01", "2018-12")],
  tune2=True, tag="vendor",
  D=(0, "consulente regolatoria che vende lo stesso aiuto: un fornitore, non un'acquirente"))
q("Davide", "Orlandini", "Parma, Emilia-Romagna, Italia", "Italy", "Pharmaceutical Manufacturing",
  "Regulatory Affairs Manager | Ducale Farmaceutici",
  "Registrazioni AIFA ed EMA di farmaci respiratori.",
  ["AIFA", "EMA", "CTD"],
  [pos("Regulatory Affairs Manager", "Ducale Farmaceutici S.p.A.", "1001-5000", "2015-01")],
  tune2=True,
  D=(0, "affari regolatori di un'azienda farmaceutica: farmaci, non dispositivi"))
q("Federica", "Lombardo", "Palermo, Sicilia, Italia", "Italy", "Hospitals and Health Care",
  "Ingegnere Clinico | ASP Palermo",
  "Gestione del parco apparecchiature elettromedicali e collaudi.",
  ["Ingegneria clinica", "HTA", "Manutenzione"],
  [pos("Ingegnere Clinico", "Azienda Sanitaria Provinciale di Palermo", "5001-10000", "2016-01")],
  tune2=True,
  D=(0, "ingegnera clinica in ospedale: usa i dispositivi, non li fabbrica"))
q("Simone", "Ferri", "Bari, Puglia, Italia", "Italy", "Medical Equipment Manufacturing",
  "Area Manager Sud Italia | dispositivi per cardiologia",
  "Vendita di dispositivi cardiologici a ospedali pubblici e privati.",
  ["Vendite", "Gare d'appalto", "Cardiologia"],
  [pos("Area Manager", "Cardiovia Srl", "51-200", "2019-01")],
  tune2=True,
  D=(0, "venditore di un fabbricante medicale: l'azienda giusta, il ruolo sbagliato"))
q("Riccardo", "Baldi", "Melfi, Basilicata, Italia", "Italy", "Motor Vehicle Manufacturing",
  "Quality Manager | IATF 16949 | automotive",
  "Responsabile qualità di uno stabilimento di componenti auto, 400 persone.",
  ["IATF 16949", "PPAP", "8D"],
  [pos("Responsabile Qualità", "Lucana Componenti Auto S.p.A.", "201-500", "2017-01")],
  tune2=True,
  D=(0, "responsabile qualità nell'automotive: il ruolo giusto, il settore sbagliato"))
q("Alice", "Ferrante", "Milano, Lombardia, Italia", "Italy", "Staffing and Recruiting",
  "Selezioniamo RA/QA Manager per aziende medtech e diagnostiche 🔎",
  None,
  ["Recruiting", "Life Sciences"],
  [pos("Senior Consultant", "Bioselect Executive Search", "11-50", "2020-01")],
  tune2=True, tag="recruiter-hl",
  D=(0, "recruiter del settore medtech, visibile solo nel titolo del profilo"))
q("Matteo", "Greppi", "Milano, Lombardia, Italia", "Italy", "Higher Education",
  "Studente di Ingegneria Biomedica @ Politecnico di Milano | tesi su MDR e software",
  "Cerco un tirocinio in affari regolatori.",
  ["MATLAB", "MDR"],
  [pos("Rappresentante degli studenti", "Politecnico di Milano", "10001+", "2023-10", etype="Part-time")],
  tune2=True, tag="student",
  D=(0, "studente di ingegneria biomedica in cerca di tirocinio"))
q("Gabriella", "Mantovani", "Mirandola, Emilia-Romagna, Italia", "Italy", "Medical Equipment Manufacturing",
  "Direttore Affari Regolatori in pensione · nonna · volontaria 🌿",
  "Trent'anni nel biomedicale di Mirandola. Ora mi godo i nipoti.",
  ["Regulatory Affairs", "MDD"],
  [pos("Direttore Affari Regolatori", "Biomedica Emiliana S.p.A.", "1001-5000", "1995-01")],
  tune2=True, tag="retired",
  D=(0, "direttrice regolatoria in pensione: l'ultimo ruolo non è mai stato chiuso"))
q("Kevin", "Dorsey", "Dublin, County Dublin, Ireland", "Ireland", "Software Development",
  "Account Executive, Southern Europe | RegDocs – regulatory software for medtech",
  "Helping medical-device manufacturers move their technical files out of Word.",
  ["SaaS Sales", "Medtech", "MDR"],
  [pos("Account Executive", "RegDocs", "201-500", "2022-05")],
  tune2=True, tag="vendor",
  D=(0, "venditore di un software regolatorio concorrente"))
q("Noemi", "Carrara", "Lodi, Lombardia, Italia", "Italy", "Personal Care Product Manufacturing",
  "Regulatory Affairs Manager | cosmetici",
  "Dossier informativi (PIF) e valutazioni di sicurezza per creme e solari.",
  ["Regolamento cosmetici 1223/2009", "PIF", "Sicurezza"],
  [pos("Regulatory Affairs Manager", "Lodigiana Cosmetici Srl", "51-200", "2018-01")],
  tune2=True,
  D=(0, "affari regolatori di un'azienda cosmetica: regolamento cosmetici, non MDR"))
q("Vincenzo", "Amato", "Firenze, Toscana, Italia", "Italy", "Government Administration",
  "Responsabile Acquisti Dispositivi Medici | ESTAR Toscana",
  "Gare regionali per dispositivi medici e diagnostici.",
  ["Procurement", "Gare pubbliche", "Dispositivi medici"],
  [pos("Responsabile Acquisti Dispositivi Medici", "ESTAR Toscana", "1001-5000", "2014-01")],
  tune2=True,
  D=(0, "acquisti pubblici della sanità: compra dispositivi, non li fabbrica"))

# ---------------------------------------- earlier people of the tune split
tune2("iris-baumgartner",
      D=(2, "responsabile qualità (ISO 13485, CAPA) di un fabbricante medtech svizzero di 201-500 persone; del regolatorio non dice nulla"))
tune2("sarah-lindqvist",
      D=(0, "sicurezza informatica di una piattaforma di sanità digitale: né regolatorio né un fabbricante di dispositivi"))
tune2("thomas-laurent",
      D=(0, "mobilità internazionale in un'azienda farmaceutica"))
tune2("claudia-berger",
      D=(0, "responsabile qualità nell'automotive: il ruolo giusto, il settore sbagliato"))
tune2("tobias-engel",
      D=(0, "direttore qualità nell'automotive: il settore sbagliato"))
tune2("susanne-reuter",
      D=(0, "responsabile qualità nell'automotive: il settore sbagliato"))
tune2("bart-peeters",
      D=(0, "responsabile qualità nell'automotive: il settore sbagliato"))
tune2("karl-fuchs",
      D=(0, "qualità in un costruttore di robot industriali, non medicali"))
tune2("agata-michalska",
      D=(0, "direttrice qualità nella meccanica: il settore sbagliato"))
tune2("stephan-wagner",
      D=(0, "responsabile qualità di un produttore di cuscinetti: il settore sbagliato"))
tune2("gerhard-pichler",
      D=(0, "responsabile qualità di un produttore di riduttori: il settore sbagliato"))
tune2("sabrina-hahn",
      D=(0, "responsabile qualità nell'alimentare, non nei dispositivi medici"))
tune2("michael-arnold",
      D=(0, "consulente qualità ISO 9001 e IATF: un consulente, e non del medicale"))
tune2("petra-neumann",
      D=(0, "gestione qualità in una banca"))
tune2("jonas-pfeiffer",
      D=(0, "studente lavoratore in qualità nella meccanica"))
tune2("claire-dupont",
      D=(0, "qualità del servizio in un gruppo alberghiero"))
