/* match.c: the title, industry and company-type lexicons and the matching rules of the structured score. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "match.h"
#include "sizes.h"
#include "util.h"

/* Abbreviations and translations, folded (lq_fold), rewritten into English
 * before anything else looks at a title. An empty replacement drops the
 * words (articles and prepositions). Longest match wins. */
static const char *const expand[][2] = {
	/* abbreviations */
	{ "cfo", "chief financial officer" }, { "ceo", "chief executive officer" },
	{ "cto", "chief technology officer" }, { "coo", "chief operating officer" },
	{ "cmo", "chief marketing officer" }, { "cro", "chief revenue officer" },
	{ "cpo", "chief people product officer" }, { "chro", "chief human resources officer" },
	{ "cio", "chief information technology officer" }, { "ciso", "chief information security officer" },
	{ "cdo", "chief data officer" }, { "cco", "chief customer officer" },
	{ "clo", "chief legal officer" }, { "cso", "chief strategy officer" },
	{ "vp", "vice president" }, { "svp", "senior vice president" },
	{ "evp", "executive vice president" }, { "avp", "assistant vice president" },
	{ "md", "managing director" }, { "gm", "general manager" },
	{ "hr", "human resources" }, { "hrbp", "human resources business partner" },
	{ "l&d", "learning development" }, { "ta", "talent acquisition" },
	{ "dir", "director" }, { "mgr", "manager" }, { "sr", "senior" }, { "snr", "senior" },
	{ "jr", "junior" }, { "eng", "engineering" }, { "ops", "operations" },
	{ "bizops", "business operations" }, { "revops", "revenue operations" },
	{ "finops", "finance operations" }, { "peopleops", "people operations" },
	{ "c level", "chief" }, { "c suite", "chief" },
	{ "sre", "site reliability engineering" }, { "teamlead", "team lead" },
	{ "techlead", "technical lead" }, { "secops", "security operations" },
	/* French */
	{ "directeur financier", "finance director" }, { "directrice financiere", "finance director" },
	{ "directeur des ressources humaines", "human resources director" },
	{ "directrice des ressources humaines", "human resources director" },
	{ "daf", "chief financial officer" }, { "raf", "head of finance" },
	{ "drh", "human resources director" }, { "rrh", "human resources manager" },
	{ "pdg", "chief executive officer" },
	{ "directeur general", "chief executive officer" }, { "directrice generale", "chief executive officer" },
	{ "directeur administratif et financier", "chief financial officer" },
	{ "directrice administrative et financiere", "chief financial officer" },
	{ "directeur", "director" }, { "directrice", "director" },
	{ "responsable", "head of" },
	{ "ressources humaines", "human resources" }, { "financier", "finance" }, { "financiere", "finance" },
	{ "fondateur", "founder" }, { "fondatrice", "founder" }, { "cofondateur", "co founder" },
	{ "cofondatrice", "co founder" }, { "recruteur", "recruiter" }, { "recruteuse", "recruiter" },
	{ "charge de recrutement", "recruiter" }, { "chargee de recrutement", "recruiter" },
	{ "etudiant", "student" }, { "etudiante", "student" }, { "stagiaire", "intern" },
	{ "comptable", "accountant" }, { "ventes", "sales" }, { "technique", "technology" },
	{ "produit", "product" }, { "ingenieur", "engineer" }, { "gestionnaire", "manager" },
	{ "paie", "payroll" }, { "associe", "partner" }, { "associee", "partner" },
	{ "ingenierie", "engineering" }, { "plateforme", "platform" }, { "securite", "security" },
	{ "informatique", "information technology" }, { "developpement", "development" },
	/* German */
	{ "finanzvorstand", "chief financial officer" }, { "finanzchef", "chief financial officer" },
	{ "finanzchefin", "chief financial officer" }, { "finanzdirektor", "finance director" },
	{ "finanzleiter", "head of finance" }, { "finanzleiterin", "head of finance" },
	{ "kaufmannischer leiter", "head of finance" }, { "kaufmannische leiterin", "head of finance" },
	{ "kaufmannischer geschaftsfuhrer", "chief financial officer" },
	{ "personalvorstand", "chief human resources officer" }, { "personaldirektor", "human resources director" },
	{ "personaldirektorin", "human resources director" },
	{ "personalleiter", "head of human resources" }, { "personalleiterin", "head of human resources" },
	{ "personalchef", "head of human resources" }, { "personalchefin", "head of human resources" },
	{ "personalreferent", "human resources specialist" }, { "personalreferentin", "human resources specialist" },
	{ "personalwesen", "human resources" }, { "leiter personal", "head of human resources" },
	{ "leiterin personal", "head of human resources" },
	{ "geschaftsfuhrer", "managing director" }, { "geschaftsfuhrerin", "managing director" },
	{ "vorstandsvorsitzender", "chief executive officer" }, { "vorstand", "board member" },
	{ "leiter", "head of" }, { "leiterin", "head of" }, { "bereichsleiter", "director" },
	{ "bereichsleiterin", "director" }, { "abteilungsleiter", "head of" }, { "abteilungsleiterin", "head of" },
	{ "direktor", "director" }, { "direktorin", "director" }, { "finanzen", "finance" },
	{ "grunder", "founder" }, { "grunderin", "founder" }, { "mitgrunder", "co founder" },
	{ "mitgrunderin", "co founder" }, { "personalvermittler", "recruiter" },
	{ "personalvermittlerin", "recruiter" }, { "personalberater", "recruiter" },
	{ "personalberaterin", "recruiter" }, { "recruiterin", "recruiter" },
	{ "studentin", "student" }, { "werkstudent", "student" }, { "werkstudentin", "student" },
	{ "praktikant", "intern" }, { "praktikantin", "intern" }, { "buchhalter", "accountant" },
	{ "buchhalterin", "accountant" }, { "vertrieb", "sales" }, { "vertriebsleiter", "head of sales" },
	{ "entwickler", "developer" }, { "entwicklerin", "developer" }, { "lohnbuchhaltung", "payroll" },
	{ "entwicklung", "development" }, { "softwareentwicklung", "software development" },
	{ "plattform", "platform" }, { "infrastruktur", "infrastructure" }, { "technik", "technology" },
	{ "sicherheit", "security" }, { "informationssicherheit", "information security" },
	{ "teamleiter", "team lead" }, { "teamleiterin", "team lead" }, { "technischer", "technology" },
	{ "technische", "technology" }, { "personalabteilung", "human resources" },
	{ "marketingleiter", "head of marketing" }, { "marketingleiterin", "head of marketing" },
	{ "marketingleitung", "head of marketing" }, { "marketingdirektor", "marketing director" },
	{ "marketingdirektorin", "marketing director" }, { "marketingchef", "head of marketing" },
	{ "marketingchefin", "head of marketing" }, { "vertriebsleiterin", "head of sales" },
	{ "vertriebsleitung", "head of sales" }, { "vertriebsdirektor", "sales director" },
	{ "vertriebsdirektorin", "sales director" }, { "vertriebschef", "head of sales" },
	{ "vertriebsvorstand", "chief revenue officer" }, { "technikvorstand", "chief technology officer" },
	{ "technologievorstand", "chief technology officer" }, { "vorstandsvorsitzende", "chief executive officer" },
	{ "produktleiter", "head of product" }, { "produktleiterin", "head of product" },
	{ "entwicklungsleiter", "head of engineering" }, { "entwicklungsleiterin", "head of engineering" },
	{ "betriebsleiter", "head of operations" }, { "betriebsleiterin", "head of operations" },
	{ "finanzbuchhalter", "accountant" }, { "finanzbuchhalterin", "accountant" },
	{ "personalleitung", "head of human resources" }, { "leitung", "head of" },
	{ "kaufmannische leitung", "head of finance" },
	{ "geschaftsfuhrender gesellschafter", "managing partner" },
	{ "geschaftsfuhrende gesellschafterin", "managing partner" },
	{ "gesellschafter", "partner" }, { "gesellschafterin", "partner" },
	{ "inhaber", "owner" }, { "inhaberin", "owner" },
	/* Spanish */
	{ "director financiero", "finance director" }, { "directora financiera", "finance director" },
	{ "director de recursos humanos", "human resources director" },
	{ "directora de recursos humanos", "human resources director" },
	{ "director general", "chief executive officer" }, { "directora general", "chief executive officer" },
	{ "director", "director" }, { "directora", "director" }, { "financiero", "finance" },
	{ "financiera", "finance" }, { "finanzas", "finance" }, { "recursos humanos", "human resources" },
	{ "jefe", "head of" }, { "jefa", "head of" }, { "gerente", "manager" },
	{ "fundador", "founder" }, { "fundadora", "founder" }, { "cofundador", "co founder" },
	{ "cofundadora", "co founder" }, { "reclutador", "recruiter" }, { "reclutadora", "recruiter" },
	{ "estudiante", "student" }, { "becario", "intern" }, { "becaria", "intern" },
	{ "contador", "accountant" }, { "contadora", "accountant" }, { "ventas", "sales" },
	{ "ingeniero", "engineer" }, { "ingeniera", "engineer" }, { "tecnologia", "technology" },
	{ "producto", "product" }, { "nomina", "payroll" }, { "nominas", "payroll" },
	{ "ingenieria", "engineering" }, { "plataforma", "platform" }, { "infraestructura", "infrastructure" },
	{ "seguridad", "security" }, { "desarrollo", "development" }, { "personas", "people" },
	/* Dutch */
	{ "financieel directeur", "finance director" }, { "algemeen directeur", "chief executive officer" },
	{ "hoofd", "head of" }, { "financien", "finance" }, { "personeelszaken", "human resources" },
	{ "personeel", "human resources" }, { "oprichter", "founder" }, { "medeoprichter", "co founder" },
	{ "wervingsspecialist", "recruiter" }, { "werving", "recruiting" }, { "boekhouder", "accountant" },
	{ "verkoop", "sales" }, { "stagiair", "intern" }, { "salarisadministratie", "payroll" },
	{ "ontwikkeling", "development" }, { "beveiliging", "security" }, { "teamleider", "team lead" },
	{ "financieel", "finance" }, { "commercieel", "commercial" }, { "technisch", "technology" },
	{ "eigenaar", "owner" }, { "mede eigenaar", "partner" }, { "directeur eigenaar", "owner" },
	{ "bedrijfsleider", "general manager" }, { "bestuurder", "managing director" },
	{ "bedrijfsvoering", "operations" }, { "afdelingshoofd", "head of" },
	{ "marketingmanager", "marketing manager" }, { "salesmanager", "sales manager" },
	{ "hoofd financien", "head of finance" },
	/* Portuguese */
	{ "diretor financeiro", "finance director" }, { "diretora financeira", "finance director" },
	{ "diretor de recursos humanos", "human resources director" },
	{ "diretora de recursos humanos", "human resources director" },
	{ "diretor geral", "chief executive officer" }, { "diretora geral", "chief executive officer" },
	{ "diretor", "director" }, { "diretora", "director" }, { "financeiro", "finance" },
	{ "financeira", "finance" }, { "financas", "finance" }, { "chefe", "head of" },
	{ "recrutador", "recruiter" }, { "recrutadora", "recruiter" }, { "estudante", "student" },
	{ "estagiario", "intern" }, { "estagiaria", "intern" }, { "vendas", "sales" },
	{ "engenheiro", "engineer" }, { "engenheira", "engineer" }, { "folha de pagamento", "payroll" },
	{ "engenharia", "engineering" }, { "infraestrutura", "infrastructure" }, { "seguranca", "security" },
	{ "desenvolvimento", "development" }, { "pessoas", "people" }, { "gente", "people" },
	/* Italian */
	{ "amministratore delegato", "chief executive officer" }, { "direttore generale", "chief executive officer" },
	{ "direttore finanziario", "finance director" }, { "direttrice finanziaria", "finance director" },
	{ "direttore", "director" }, { "direttrice", "director" }, { "finanziario", "finance" },
	{ "finanziaria", "finance" }, { "finanza", "finance" }, { "risorse umane", "human resources" },
	{ "personale", "human resources" }, { "responsabile", "head of" }, { "fondatore", "founder" },
	{ "fondatrice", "founder" }, { "selezionatore", "recruiter" }, { "selezionatrice", "recruiter" },
	{ "reclutatore", "recruiter" }, { "studente", "student" }, { "studentessa", "student" },
	{ "stagista", "intern" }, { "contabile", "accountant" }, { "vendite", "sales" },
	{ "ingegnere", "engineer" }, { "paghe", "payroll" }, { "ingegneria", "engineering" },
	{ "piattaforma", "platform" }, { "sicurezza", "security" }, { "sviluppo", "development" },
	/* Swedish */
	{ "vd", "chief executive officer" }, { "verkstallande direktor", "chief executive officer" },
	{ "ekonomichef", "head of finance" }, { "ekonomidirektor", "finance director" },
	{ "finanschef", "chief financial officer" }, { "ekonomiansvarig", "head of finance" },
	{ "redovisningschef", "head of accounting" },
	{ "hr chef", "head of human resources" }, { "hr ansvarig", "head of human resources" },
	{ "marknadschef", "head of marketing" }, { "marknadsdirektor", "marketing director" },
	{ "forsaljningschef", "head of sales" }, { "saljchef", "head of sales" },
	{ "forsaljningsdirektor", "sales director" }, { "it chef", "head of information technology" },
	{ "teknikchef", "head of technology" }, { "utvecklingschef", "head of engineering" },
	{ "produktchef", "head of product" }, { "rekryteringschef", "head of recruiting" },
	{ "driftchef", "head of operations" }, { "kommunikationschef", "head of communications" },
	{ "grundare", "founder" }, { "medgrundare", "co founder" }, { "agare", "owner" },
	{ "delagare", "partner" }, { "rekryterare", "recruiter" }, { "ansvarig", "head of" },
	{ "redovisningsekonom", "accountant" }, { "ekonomiassistent", "finance assistant" },
	{ "styrelseordforande", "chairman board member" },
	/* Norwegian and Danish (lq_fold keeps ø and æ) */
	{ "administrerende direktør", "chief executive officer" }, { "adm direktør", "chief executive officer" },
	{ "adm dir", "chief executive officer" }, { "daglig leder", "chief executive officer" },
	{ "direktør", "director" }, { "økonomisjef", "head of finance" }, { "økonomichef", "head of finance" },
	{ "økonomidirektør", "finance director" }, { "finansdirektør", "chief financial officer" },
	{ "regnskapssjef", "head of accounting" }, { "regnskabschef", "head of accounting" },
	{ "personalsjef", "head of human resources" }, { "personalechef", "head of human resources" },
	{ "hr sjef", "head of human resources" }, { "hr direktør", "human resources director" },
	{ "markedssjef", "head of marketing" }, { "markedsdirektør", "marketing director" },
	{ "salgssjef", "head of sales" }, { "salgschef", "head of sales" },
	{ "salgsdirektør", "sales director" }, { "teknisk direktør", "chief technology officer" },
	{ "teknologidirektør", "chief technology officer" }, { "it sjef", "head of information technology" },
	{ "it direktør", "information technology director" }, { "driftssjef", "head of operations" },
	{ "driftschef", "head of operations" }, { "medgrunder", "co founder" }, { "stifter", "founder" },
	{ "medstifter", "co founder" }, { "grundlægger", "founder" }, { "medgrundlægger", "co founder" },
	{ "eier", "owner" }, { "ejer", "owner" }, { "indehaver", "owner" }, { "medeier", "partner" },
	{ "medejer", "partner" }, { "rekrutterer", "recruiter" }, { "bogholder", "bookkeeper" },
	{ "regnskapsfører", "accountant" }, { "leder", "head of" },
	/* Finnish (lq_fold drops the dots of ä and ö) */
	{ "toimitusjohtaja", "chief executive officer" }, { "talousjohtaja", "chief financial officer" },
	{ "talouspaallikko", "head of finance" }, { "henkilostojohtaja", "human resources director" },
	{ "henkilostopaallikko", "head of human resources" }, { "hr johtaja", "human resources director" },
	{ "hr paallikko", "head of human resources" }, { "markkinointijohtaja", "marketing director" },
	{ "markkinointipaallikko", "head of marketing" }, { "myyntijohtaja", "sales director" },
	{ "myyntipaallikko", "sales manager" }, { "teknologiajohtaja", "chief technology officer" },
	{ "tietohallintojohtaja", "chief information technology officer" },
	{ "it johtaja", "information technology director" }, { "operatiivinen johtaja", "chief operating officer" },
	{ "kehitysjohtaja", "head of development" }, { "tuotejohtaja", "head of product" },
	{ "perustaja", "founder" }, { "osakas", "partner" }, { "yrittaja", "owner" },
	{ "kirjanpitaja", "bookkeeper" }, { "rekrytoija", "recruiter" }, { "johtaja", "director" },
	{ "paallikko", "head of" },
	/* Polish (lq_fold keeps ł) */
	{ "prezes zarzadu", "chief executive officer" }, { "prezes", "president" },
	{ "wiceprezes zarzadu", "vice president" }, { "wiceprezes", "vice president" },
	{ "członek zarzadu", "board member" }, { "dyrektor generalny", "chief executive officer" },
	{ "dyrektor zarzadzajacy", "managing director" }, { "dyrektor finansowy", "chief financial officer" },
	{ "dyrektor operacyjny", "chief operating officer" }, { "dyrektor techniczny", "technology director" },
	{ "dyrektor", "director" }, { "kierownik", "manager" }, { "menedzer", "manager" },
	{ "głowny ksiegowy", "head of accounting" },
	{ "glowny ksiegowy", "head of accounting" }, 	{ "głowna ksiegowa", "head of accounting" },
	{ "ksiegowy", "accountant" }, { "ksiegowa", "accountant" }, { "finansowy", "finance" },
	{ "finansowa", "finance" }, { "finansow", "finance" }, { "personalny", "human resources" },
	{ "personalna", "human resources" }, { "kadr", "human resources" }, { "sprzedazy", "sales" },
	{ "marketingu", "marketing" }, { "dzialu", "" }, { "działu", "" }, { "technologii", "technology" },
	{ "informatyki", "information technology" }, { "załozyciel", "founder" }, { "zalozyciel", "founder" },
	{ "wspołzałozyciel", "co founder" }, { "wspolzalozyciel", "co founder" },
	{ "własciciel", "owner" }, { "wlasciciel", "owner" },
	{ "rekruter", "recruiter" }, { "rekruterka", "recruiter" }, { "starszy", "senior" },
	{ "specjalista", "specialist" }, { "stazysta", "intern" }, { "praktykant", "intern" },
	/* Japanese (lq_fold keeps a run of kanji as one word) */
	{ "最高技術責任者", "chief technology officer" }, { "最高財務責任者", "chief financial officer" },
	{ "最高経営責任者", "chief executive officer" }, { "最高人事責任者", "chief human resources officer" },
	{ "開発部長", "head of engineering" }, { "技術部長", "head of technology" },
	{ "財務部長", "head of finance" }, { "経理部長", "head of finance" }, { "人事部長", "head of human resources" },
	{ "部長", "head of" }, { "課長", "manager" }, { "人事", "human resources" }, { "財務", "finance" },
	{ "経理", "accounting" }, { "開発", "engineering" }, { "代表取締役", "chief executive officer" },
	/* quality, plants, logistics and warehouses (every language above and
	 * Czech, Hungarian, Turkish; lq_fold strips accents, keeps ł, ø, æ) */
	{ "qualitat", "quality" }, { "qualitatsmanagement", "quality management" },
	{ "qualitatssicherung", "quality assurance" }, { "qualitatsleiter", "head of quality" },
	{ "qualitatsleiterin", "head of quality" }, { "qualitatsleitung", "head of quality" },
	{ "qualitatsmanagementleiter", "head of quality management" },
	{ "qualitatsmanagementleiterin", "head of quality management" },
	{ "qualitatsdirektor", "quality director" }, { "qualitatsdirektorin", "quality director" },
	{ "qualitatsingenieur", "quality engineer" }, { "qualitatsingenieurin", "quality engineer" },
	{ "qualitatsmanager", "quality manager" }, { "qualitatsmanagerin", "quality manager" },
	{ "qm", "quality management" }, { "qs", "quality assurance" },
	{ "qualite", "quality" }, { "calidad", "quality" }, { "qualidade", "quality" }, { "qualita", "quality" },
	{ "kwaliteit", "quality" }, { "kwaliteitsmanager", "quality manager" },
	{ "kwaliteitsmanagement", "quality management" }, { "hoofd kwaliteit", "head of quality" },
	{ "kvalitet", "quality" }, { "kvalitetschef", "head of quality" }, { "kvalitetssjef", "head of quality" },
	{ "kvalitetsansvarig", "head of quality" }, { "laatupaallikko", "head of quality" },
	{ "laatujohtaja", "quality director" }, { "jakosci", "quality" }, { "jakości", "quality" },
	{ "kvality", "quality" }, { "kvalita", "quality" }, { "minoseg", "quality" }, { "minosegugyi", "quality" },
	{ "kalite", "quality" },
	{ "werkleiter", "plant manager" }, { "werkleiterin", "plant manager" }, { "werksleiter", "plant manager" },
	{ "werksleiterin", "plant manager" }, { "werkleitung", "plant manager" },
	{ "produktionsleiter", "head of production" }, { "produktionsleiterin", "head of production" },
	{ "fertigungsleiter", "head of manufacturing" }, { "fertigungsleiterin", "head of manufacturing" },
	{ "directeur usine", "plant manager" }, { "directrice usine", "plant manager" }, { "usine", "plant" },
	{ "jefe planta", "plant manager" }, { "director planta", "plant manager" }, { "planta", "plant" },
	{ "fabriek", "plant" }, { "fabrieksdirecteur", "plant manager" }, { "productie", "production" },
	{ "produccion", "production" }, { "producao", "production" }, { "produzione", "production" },
	{ "stabilimento", "plant" }, { "fabrikschef", "plant manager" }, { "fabrikkdirektør", "plant manager" },
	{ "produktion", "production" }, { "produktionschef", "head of production" },
	{ "tehdaspaallikko", "plant manager" }, { "zakładu", "plant" }, { "zakladu", "plant" },
	{ "produkcji", "production" }, { "zavodu", "plant" }, { "zavod", "plant" }, { "vyroby", "production" },
	{ "gyarigazgato", "plant manager" }, { "gyar", "plant" }, { "uzem", "plant" }, { "uzemvezeto", "plant manager" },
	{ "fabrika", "plant" }, { "uretim", "production" },
	{ "standortleiter", "site director" }, { "standortleiterin", "site director" }, { "standortleitung", "site director" },
	{ "logistik", "logistics" }, { "logistikleiter", "head of logistics" }, { "logistikleiterin", "head of logistics" },
	{ "lager", "warehouse" }, { "lagerleiter", "warehouse manager" }, { "lagerleiterin", "warehouse manager" },
	{ "lagerchef", "warehouse manager" }, { "lagersjef", "warehouse manager" },
	{ "lagerdirektør", "warehouse director" }, { "lagerdirektor", "warehouse director" },
	{ "distributionszentrum", "distribution center" }, { "distributionszentrums", "distribution center" },
	{ "versand", "shipping" }, { "lieferkette", "supply chain" }, { "einkauf", "procurement" },
	{ "logistique", "logistics" }, { "entrepot", "warehouse" }, { "chaine d approvisionnement", "supply chain" },
	{ "logistica", "logistics" }, { "logisticas", "logistics" }, { "logisticos", "logistics" },
	{ "logistico", "logistics" }, { "almacen", "warehouse" }, { "armazem", "warehouse" },
	{ "magazzino", "warehouse" }, { "cadena de suministro", "supply chain" },
	{ "logistiek", "logistics" }, { "magazijn", "warehouse" }, { "magazijnmanager", "warehouse manager" },
	{ "distributiecentrum", "distribution center" }, { "operationeel", "operations" },
	{ "operaciones", "operations" }, { "operacoes", "operations" }, { "operazioni", "operations" },
	{ "logistikchef", "head of logistics" }, { "lagerchefen", "warehouse manager" },
	{ "logistiikka", "logistics" }, { "logistiikkapaallikko", "head of logistics" }, { "varasto", "warehouse" },
	{ "logistyki", "logistics" }, { "logistyka", "logistics" }, { "magazynu", "warehouse" },
	{ "magazyn", "warehouse" }, { "centrum dystrybucyjnego", "distribution center" },
	{ "łancucha dostaw", "supply chain" }, { "lancucha dostaw", "supply chain" },
	{ "ds", "" },
	{ "logistiky", "logistics" }, { "skladu", "warehouse" }, { "vedouci", "head of" }, { "reditel", "director" },
	{ "reditelka", "director" },
	{ "logisztikai", "logistics" }, { "logisztika", "logistics" }, { "raktar", "warehouse" },
	{ "raktarvezeto", "warehouse manager" }, { "igazgato", "director" }, { "vezeto", "head of" },
	{ "depo", "warehouse" }, { "dagıtım", "distribution" }, { "dagitim", "distribution" },
	{ "direktoru", "director" }, { "muduru", "manager" }, { "ve", "" }, { "lojistik", "logistics" },
	/* small words of all of them */
	{ "the", "" }, { "de", "" }, { "des", "" }, { "du", "" }, { "la", "" },
	{ "le", "" }, { "der", "" }, { "die", "" }, { "das", "" }, { "van", "" }, { "di", "" },
	{ "del", "" }, { "della", "" }, { "da", "" }, { "do", "" }, { "y", "" }, { "et", "" },
	{ "und", "" }, { "e", "" }, { "en", "" }, { "fur", "" },
	{ "&", "" }, { "at", "" },
};

/* What canonical (English) words say about function and seniority. level
 * -1: none. A level of 0 or 1 (student, assistant) overrides higher words
 * ("Aspiring Head of People" is a student). Longest match wins. */
static const struct {
	const char *phrase;
	unsigned fn;
	int level;
} senses[] = {
	{ "chief", 0, LQ_LEVEL_CLEVEL }, { "founder", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL },
	{ "co founder", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL }, { "owner", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL },
	{ "president", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL }, { "chief executive", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL },
	{ "managing director", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL }, { "general manager", LQ_FN_EXECUTIVE, LQ_LEVEL_HEAD },
	{ "partner", 0, LQ_LEVEL_IC }, { "managing partner", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL },
	{ "vice president", 0, LQ_LEVEL_VP }, { "board member", LQ_FN_EXECUTIVE, LQ_LEVEL_VP },
	{ "head", 0, LQ_LEVEL_HEAD }, { "director", 0, LQ_LEVEL_HEAD }, { "executive director", 0, LQ_LEVEL_HEAD },
	{ "manager", 0, LQ_LEVEL_MANAGER }, { "lead", 0, LQ_LEVEL_MANAGER }, { "leader", 0, LQ_LEVEL_MANAGER },
	{ "controller", LQ_FN_FINANCE, LQ_LEVEL_MANAGER }, { "principal", 0, LQ_LEVEL_IC },
	{ "senior", 0, LQ_LEVEL_IC }, { "specialist", 0, LQ_LEVEL_IC }, { "consultant", 0, LQ_LEVEL_IC },
	{ "advisor", 0, LQ_LEVEL_IC }, { "adviser", 0, LQ_LEVEL_IC }, { "analyst", 0, LQ_LEVEL_IC },
	{ "officer", 0, -1 }, { "junior", 0, LQ_LEVEL_JUNIOR }, { "assistant", 0, LQ_LEVEL_JUNIOR },
	{ "associate", 0, LQ_LEVEL_JUNIOR }, { "coordinator", 0, LQ_LEVEL_JUNIOR },
	{ "executive assistant", 0, LQ_LEVEL_JUNIOR }, { "intern", 0, LQ_LEVEL_STUDENT },
	{ "chief of staff", LQ_FN_OPERATIONS, LQ_LEVEL_HEAD }, { "office manager", LQ_FN_OPERATIONS, LQ_LEVEL_MANAGER },
	{ "internship", 0, LQ_LEVEL_STUDENT }, { "student", 0, LQ_LEVEL_STUDENT },
	{ "trainee", 0, LQ_LEVEL_STUDENT }, { "apprentice", 0, LQ_LEVEL_STUDENT },
	{ "aspiring", 0, LQ_LEVEL_STUDENT }, { "graduate", 0, LQ_LEVEL_STUDENT },
	{ "student ambassador", 0, LQ_LEVEL_STUDENT },
	/* functions */
	{ "finance", LQ_FN_FINANCE, -1 }, { "financial", LQ_FN_FINANCE, -1 }, { "fp&a", LQ_FN_FINANCE, -1 },
	{ "treasury", LQ_FN_FINANCE, -1 }, { "treasurer", LQ_FN_FINANCE, LQ_LEVEL_HEAD },
	{ "accounting", LQ_FN_FINANCE, -1 }, { "accountant", LQ_FN_FINANCE, LQ_LEVEL_IC },
	{ "comptroller", LQ_FN_FINANCE, LQ_LEVEL_MANAGER }, { "bookkeeper", LQ_FN_FINANCE, LQ_LEVEL_IC },
	{ "audit", LQ_FN_FINANCE, -1 }, { "payroll", LQ_FN_PEOPLE, -1 },
	{ "people", LQ_FN_PEOPLE, -1 }, { "human resources", LQ_FN_PEOPLE, -1 }, { "personnel", LQ_FN_PEOPLE, -1 },
	{ "culture", LQ_FN_PEOPLE, -1 }, { "people operations", LQ_FN_PEOPLE, -1 },
	{ "employee experience", LQ_FN_PEOPLE, -1 }, { "learning development", LQ_FN_PEOPLE, -1 },
	{ "people partner", LQ_FN_PEOPLE, LQ_LEVEL_IC }, { "compensation", LQ_FN_PEOPLE, -1 },
	{ "benefits", LQ_FN_PEOPLE, -1 }, { "reward", LQ_FN_PEOPLE, -1 }, { "total rewards", LQ_FN_PEOPLE, -1 },
	{ "human resources business partner", LQ_FN_PEOPLE, LQ_LEVEL_IC },
	{ "recruiter", LQ_FN_RECRUITING, LQ_LEVEL_IC }, { "recruiting", LQ_FN_RECRUITING, -1 },
	{ "recruitment", LQ_FN_RECRUITING, -1 }, { "talent acquisition", LQ_FN_RECRUITING, -1 },
	{ "talent", LQ_FN_RECRUITING, -1 }, { "headhunter", LQ_FN_RECRUITING, LQ_LEVEL_IC },
	{ "sourcer", LQ_FN_RECRUITING, LQ_LEVEL_IC }, { "search consultant", LQ_FN_RECRUITING, LQ_LEVEL_IC },
	{ "executive search", LQ_FN_RECRUITING, -1 }, { "staffing", LQ_FN_RECRUITING, -1 },
	{ "technology", LQ_FN_TECH, -1 }, { "technical", LQ_FN_TECH, -1 }, { "engineering", LQ_FN_TECH, -1 },
	{ "engineer", LQ_FN_TECH, LQ_LEVEL_IC }, { "developer", LQ_FN_TECH, LQ_LEVEL_IC },
	{ "software", LQ_FN_TECH, -1 }, { "it", LQ_FN_TECH, -1 }, { "information technology", LQ_FN_TECH, -1 },
	{ "information security", LQ_FN_TECH, -1 }, { "devops", LQ_FN_TECH, -1 }, { "security", LQ_FN_TECH, -1 },
	{ "platform", LQ_FN_TECH, -1 }, { "infrastructure", LQ_FN_TECH, -1 }, { "cloud", LQ_FN_TECH, -1 },
	{ "site reliability", LQ_FN_TECH, -1 }, { "development", LQ_FN_TECH, -1 }, { "devsecops", LQ_FN_TECH, -1 },
	{ "cybersecurity", LQ_FN_TECH, -1 }, { "architect", LQ_FN_TECH, LQ_LEVEL_IC },
	{ "product", LQ_FN_PRODUCT, -1 }, { "people product", LQ_FN_PEOPLE | LQ_FN_PRODUCT, -1 },
	{ "marketing", LQ_FN_MARKETING, -1 }, { "brand", LQ_FN_MARKETING, -1 }, { "growth", LQ_FN_MARKETING, -1 },
	{ "communications", LQ_FN_MARKETING, -1 }, { "content", LQ_FN_MARKETING, -1 },
	{ "sales", LQ_FN_SALES, -1 }, { "account executive", LQ_FN_SALES, LQ_LEVEL_IC },
	{ "account manager", LQ_FN_SALES, LQ_LEVEL_IC }, { "business development", LQ_FN_SALES, -1 },
	{ "revenue", LQ_FN_SALES, -1 }, { "commercial", LQ_FN_SALES, -1 },
	{ "operations", LQ_FN_OPERATIONS, -1 }, { "operating", LQ_FN_OPERATIONS, -1 },
	{ "revenue operations", LQ_FN_SALES | LQ_FN_OPERATIONS, -1 },
	{ "finance operations", LQ_FN_FINANCE, -1 },
	{ "customer success", LQ_FN_CUSTOMER, -1 }, { "customer", LQ_FN_CUSTOMER, -1 },
	{ "support", LQ_FN_CUSTOMER, -1 }, { "legal", LQ_FN_LEGAL, -1 }, { "counsel", LQ_FN_LEGAL, -1 },
	{ "general counsel", LQ_FN_LEGAL, LQ_LEVEL_CLEVEL }, { "lawyer", LQ_FN_LEGAL, LQ_LEVEL_IC },
	{ "compliance", LQ_FN_LEGAL, -1 }, { "data", LQ_FN_DATA, -1 }, { "analytics", LQ_FN_DATA, -1 },
	{ "people analytics", LQ_FN_PEOPLE, -1 },
	{ "design", LQ_FN_DESIGN, -1 }, { "designer", LQ_FN_DESIGN, LQ_LEVEL_IC },
	/* quality (of what a company makes; a software tester is technology) */
	{ "quality", LQ_FN_QUALITY, -1 }, { "quality assurance", LQ_FN_QUALITY, -1 },
	{ "quality management", LQ_FN_QUALITY, -1 }, { "quality control", LQ_FN_QUALITY, -1 },
	{ "quality engineer", LQ_FN_QUALITY, LQ_LEVEL_IC }, { "software quality", LQ_FN_TECH, -1 },
	{ "test", LQ_FN_TECH, -1 }, { "testing", LQ_FN_TECH, -1 }, { "tester", LQ_FN_TECH, LQ_LEVEL_IC },
	/* supply chain, logistics, warehouses and distribution */
	{ "supply chain", LQ_FN_SUPPLY, -1 }, { "logistics", LQ_FN_SUPPLY, -1 },
	{ "warehouse", LQ_FN_SUPPLY, -1 }, { "warehousing", LQ_FN_SUPPLY, -1 },
	{ "fulfillment", LQ_FN_SUPPLY, -1 }, { "fulfilment", LQ_FN_SUPPLY, -1 },
	{ "distribution", LQ_FN_SUPPLY, -1 }, { "inventory", LQ_FN_SUPPLY, -1 },
	/* planning stock is next to supply chain, not its operations: no
	 * function of its own, so at most half a match (either way) */
	{ "demand planning", 0, -1 }, { "demand planner", 0, LQ_LEVEL_IC },
	{ "transport", LQ_FN_SUPPLY, -1 }, { "shipping", LQ_FN_SUPPLY, -1 },
	{ "demand generation", LQ_FN_MARKETING, -1 },
	/* production: a plant or factory; a site is a plant or a warehouse */
	{ "plant", LQ_FN_PRODUCTION, -1 }, { "production", LQ_FN_PRODUCTION, -1 },
	{ "manufacturing", LQ_FN_PRODUCTION, -1 }, { "factory", LQ_FN_PRODUCTION, -1 },
	{ "site", LQ_FN_PRODUCTION | LQ_FN_SUPPLY, -1 },
};

char *
lq_fold(const char *s)
{
	utf8proc_uint8_t *m = NULL;
	const unsigned char *a = (const unsigned char *)s;
	utf8proc_ssize_t n = 0;

	/* ASCII is its own NFKC form and case folds to lower case, which the
	 * loop below does: most profile text skips utf8proc altogether. */
	while (*a && *a < 0x80)
		a++;
	if (*a)
		n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
		    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
		    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	const unsigned char *src = n >= 0 && m ? m : (const unsigned char *)s;
	size_t len = strlen((const char *)src), i = 0;
	char *out = lq_xmalloc(len + 1), *o = out;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		int word;

		if (src[i] < 0x80) {
			cp = src[i];
			k = 1;
		} else if (n < 0 || (k = utf8proc_iterate(src + i, (utf8proc_ssize_t)(len - i), &cp)) < 1) {
			cp = -1;	/* a byte of invalid UTF-8 */
			k = 1;
		}
		if (cp < 0)
			word = 0;
		else if (cp < 0x80)
			word = isalnum(cp) || ((cp == '&' || cp == '+') && o > out && o[-1] != ' ' &&
			    i + 1 < len && isalnum(src[i + 1]));
		else {
			utf8proc_category_t c = utf8proc_category(cp);

			word = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
			    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) ||
			    c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
		}
		if (word) {
			if (cp < 0x80)
				*o++ = (char)tolower(cp);
			else {
				memcpy(o, src + i, (size_t)k);
				o += k;
			}
		} else if (o > out && o[-1] != ' ') {
			*o++ = ' ';
		}
		i += (size_t)k;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	free(m);
	return out;
}

/* Splits folded text in place at spaces; returns the number of words. */
static size_t
split(char *s, char ***words)
{
	size_t n = 0, cap = 8;
	char **w = lq_xreallocarray(NULL, cap, sizeof *w);

	char *save = NULL;

	for (char *p = strtok_r(s, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
		if (n == cap)
			w = lq_xreallocarray(w, cap *= 2, sizeof *w);
		w[n++] = p;
	}
	*words = w;
	return n;
}

/* Number of words of phrase that match w[0..n) from the start, or 0. */
static size_t
phrase_at(const char *phrase, char **w, size_t n)
{
	size_t k = 0;
	const char *p = phrase;

	while (*p) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (k == n || w[k] == NULL || strlen(w[k]) != len || memcmp(w[k], p, len) != 0)
			return 0;
		k++;
		p += len;
		if (*p == ' ')
			p++;
	}
	return k;
}

void
lq_title_analyse(const char *title, struct lq_title *t)
{
	char *f = lq_fold(title), **w, **cw;
	size_t n = split(f, &w), cn;
	struct lq_buf b = LQ_BUF_INIT;
	int level = LQ_LEVEL_UNKNOWN, low = LQ_LEVEL_UNKNOWN;
	unsigned fn = 0, prev = 0;

	for (size_t i = 0; i < n;) {
		size_t best = 0, bi = 0;

		/* "Chief of Staff to the CEO", "Assistant to the CFO": the
		 * title is what comes before "to" */
		if (i > 0 && strcmp(w[i], "to") == 0 && strcmp(w[i - 1], "go") != 0)
			break;
		for (size_t e = 0; e < LQ_NELEM(expand); e++) {
			size_t k = phrase_at(expand[e][0], w + i, n - i);

			if (k > best)
				best = k, bi = e;
		}
		const char *rep = best ? expand[bi][1] : w[i];
		if (*rep) {
			if (b.len)
				lq_buf_addc(&b, ' ');
			lq_buf_adds(&b, rep);
		}
		i += best ? best : 1;
	}
	t->canon = b.len ? lq_buf_detach(&b) : lq_xstrdup("");
	lq_buf_free(&b);

	char *c = lq_xstrdup(t->canon);
	cn = split(c, &cw);
	for (size_t i = 0; i < cn;) {
		size_t best = 0, bi = 0;

		for (size_t e = 0; e < LQ_NELEM(senses); e++) {
			size_t k = phrase_at(senses[e].phrase, cw + i, cn - i);

			if (k > best)
				best = k, bi = e;
		}
		if (best == 0) {
			i++;
			prev = 0;
			continue;
		}
		/* "Marketing Operations", "HR Operations", "Warehouse
		 * Operations": the operations of a function are that function */
		if (senses[bi].fn == LQ_FN_OPERATIONS && senses[bi].level < 0 &&
		    (prev & ~(LQ_FN_OPERATIONS | LQ_FN_EXECUTIVE))) {
			i += best;
			continue;
		}
		prev = senses[bi].fn;
		fn |= senses[bi].fn;
		if (senses[bi].level >= 0 && senses[bi].level <= LQ_LEVEL_JUNIOR)
			low = low < 0 || senses[bi].level < low ? senses[bi].level : low;
		else if (senses[bi].level > level)
			level = senses[bi].level;
		i += best;
	}
	if (low >= 0)
		level = low;
	if (fn & LQ_FN_RECRUITING)
		fn = LQ_FN_RECRUITING;	/* a finance recruiter is a recruiter */
	/* "Chief Executive Officer" names the executive function; "Chief
	 * Financial Officer" names finance, not the executive one. A compound
	 * title is judged by its most specific function: "Co-founder & CFO" is
	 * a CFO (for a founders' ICP as for a CTO target), "Owner / Head of
	 * Finance" a finance head. */
	if ((fn & LQ_FN_EXECUTIVE) && (fn & ~LQ_FN_EXECUTIVE) && strstr(t->canon, "chief executive") == NULL)
		fn &= ~LQ_FN_EXECUTIVE;
	t->fn = fn;
	t->level = level;
	free(cw);
	free(c);
	free(w);
	free(f);
}

double
lq_title_lexsim(const struct lq_title *a, const struct lq_title *b)
{
	static const double by_gap[] = { 1.0, 0.8, 0.55, 0.35, 0.2, 0.1, 0.1 };
	int la, lb, gap;

	la = a->level < 0 ? LQ_LEVEL_IC : a->level;
	lb = b->level < 0 ? LQ_LEVEL_IC : b->level;
	if ((la == LQ_LEVEL_STUDENT) != (lb == LQ_LEVEL_STUDENT))
		return 0.1;
	if (a->fn == 0 && b->fn == 0)
		return -1;
	/* Only one side names a function: "Vice President", "Partner" or
	 * "Chief of ..." without a function share their seniority words with
	 * "VP People" or "CTO", which lifts the cosine without saying the job. */
	if ((a->fn == 0 && a->level >= 0) || (b->fn == 0 && b->level >= 0))
		return LQ_LEX_SENIORITY_ONLY;
	if (a->fn == 0 || b->fn == 0)
		return -1;
	if ((a->fn & b->fn) == 0)
		return 0;
	gap = abs(la - lb);
	return by_gap[gap < 6 ? gap : 6];
}

/* Cosines of unrelated short titles sit around 0.2-0.4 with MiniLM and
 * paraphrases above 0.8: map [0.35, 0.85] onto [0, 1]. */
#define COS_LO 0.35
#define COS_HI 0.85
/* A bare seniority against a titled function: at most half a match (title
 * similarity 0.5 keeps a lead out of tier B on the title alone). */
#define SENIORITY_ONLY_MAX 0.5

double
lq_title_sim(double lex, double cos)
{
	double e = (cos - COS_LO) / (COS_HI - COS_LO);

	e = e < 0 ? 0 : e > 1 ? 1 : e;
	if (lex == LQ_LEX_SENIORITY_ONLY)
		return e > SENIORITY_ONLY_MAX ? SENIORITY_ONLY_MAX : e;
	if (lex < 0)
		return e;			/* the lexicon knows neither side */
	if (lex == 0)
		return 0.5 * e > 0.4 ? 0.4 : 0.5 * e;	/* known different functions */
	if (lex <= 0.1)
		return lex;	/* a student against a professional: the words cannot lift it */
	return lex > e ? lex : e;
}

static int
hiring_call(const char *seg)
{
	char *f = lq_fold(seg);
	int r = strncmp(f, "hiring", 6) == 0 || strncmp(f, "we re hiring", 12) == 0 ||
	    strncmp(f, "we are hiring", 13) == 0 || strncmp(f, "looking for", 11) == 0 ||
	    strncmp(f, "recruiting for", 14) == 0 || strncmp(f, "open to work", 12) == 0 ||
	    strncmp(f, "ex ", 3) == 0 || strncmp(f, "former", 6) == 0 || f[0] == '\0';

	free(f);
	return r;
}

int
lq_headline_stance(const char *headline)
{
	static const char *const lapsed[] = { "retired", "aspiring", "student", "i r", "im ruhestand",
		"pensionado", "pensionada", "pensionist", "pensionar", "pensionaer", "retraite", "retraitee",
		"en retraite", "jubilado", "jubilada", "in pensione", "gepensioneerd",
		"etudiant", "etudiante", "studentin", "estudiante", "studente" };
	static const char *const recruiter[] = { "placing", "i place", "we place", "headhunter",
		"headhunting", "executive search", "search partner", "search firm", "recruiter",
		"recruitment consultant", "recruitment partner", "talent partner for", "chasseur de tetes",
		"personalberater", "personalberatung" };
	static const char *const vendor[] = { "i help", "we help", "helping", "i work with",
		"j aide", "j accompagne", "ich helfe", "wir helfen", "ayudo", "ik help" };
	char *f = lq_fold(headline);
	int r = LQ_STANCE_NONE;
	size_t i;

	for (i = 0; r == LQ_STANCE_NONE && i < LQ_NELEM(recruiter); i++)
		if (lq_has_phrase(f, recruiter[i]))
			r = LQ_STANCE_RECRUITER;
	for (i = 0; r == LQ_STANCE_NONE && i < LQ_NELEM(vendor); i++)
		if (strncmp(f, vendor[i], strlen(vendor[i])) == 0 && f[strlen(vendor[i])] == ' ')
			r = LQ_STANCE_VENDOR;
	for (i = 0; r == LQ_STANCE_NONE && i < LQ_NELEM(lapsed); i++)
		if (lq_has_phrase(f, lapsed[i]))
			r = LQ_STANCE_LAPSED;
	if (r == LQ_STANCE_NONE && (strncmp(f, "former ", 7) == 0 || strncmp(f, "ex ", 3) == 0))
		r = LQ_STANCE_LAPSED;
	free(f);
	return r;
}

char *
lq_headline_title(const char *headline)
{
	static const char *const seps[] = { " | ", "|", " @ ", "@", " at ", " chez ", " bei ",
		" bij ", " presso ", " en ", " na ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ",
		" \xc2\xb7 ", " \xe2\x80\xa2 ", ", ", " / " };
	const char *p = headline;

	while (*p) {
		const char *end = p + strlen(p), *next = end;

		for (size_t i = 0; i < LQ_NELEM(seps); i++) {
			const char *q = strstr(p, seps[i]);

			if (q && q < end) {
				end = q;
				next = q + strlen(seps[i]);
			}
		}
		char *seg = lq_xstrndup(p, (size_t)(end - p));
		if (!hiring_call(seg)) {
			/* trim */
			char *s = seg, *e = seg + strlen(seg);
			while (*s == ' ')
				s++;
			while (e > s && e[-1] == ' ')
				e--;
			char *r = lq_xstrndup(s, (size_t)(e - s));
			free(seg);
			return r;
		}
		free(seg);
		p = next;
	}
	return lq_xstrdup("");
}

/* Words that make a title a side role beside the person's main job
 * (folded, whole words). "Board" alone is not one ("Board of Directors
 * Secretary" is rare; "Head of Onboarding" does not match a whole word). */
int
lq_title_side(const char *title)
{
	static const char *const side[] = { "advisor", "adviser", "advisory", "board member",
		"board director", "board of directors", "member of the board", "board advisor",
		"non executive", "nonexecutive", "ned", "independent director", "trustee",
		"mentor", "angel", "angel investor", "business angel", "investor",
		"entrepreneur in residence", "eir", "volunteer", "ambassador", "aufsichtsrat",
		"beirat", "styrelseledamot", "styrelsemedlem", "bestyrelsesmedlem", "styremedlem",
		"hallituksen jasen", "czlonek rady nadzorczej", "członek rady nadzorczej", "commissaris", "raad van advies",
		"bénévole", "benevole", "voluntario", "voluntaria", "ehrenamtlich", "side project" };
	char *f = lq_fold(title);
	int r = 0;

	for (size_t i = 0; i < LQ_NELEM(side) && !r; i++)
		r = lq_has_phrase(f, side[i]);
	free(f);
	return r;
}

/* Industry groups. */
enum {
	IG_SOFTWARE = 1 << 0, IG_FINTECH = 1 << 1, IG_FINANCE = 1 << 2, IG_AI = 1 << 3,
	IG_SECURITY = 1 << 4, IG_HEALTH = 1 << 5, IG_RETAIL = 1 << 6, IG_EDUCATION = 1 << 7,
	IG_MARKETING = 1 << 8, IG_MEDIA = 1 << 9, IG_HR = 1 << 10, IG_REALESTATE = 1 << 11,
	IG_ENERGY = 1 << 12, IG_CONSULTING = 1 << 13, IG_MANUFACTURING = 1 << 14,
	IG_TELECOM = 1 << 15, IG_GOVERNMENT = 1 << 16, IG_NONPROFIT = 1 << 17,
	IG_HOSPITALITY = 1 << 18, IG_AGRICULTURE = 1 << 19, IG_LOGISTICS = 1 << 20,
	IG_CONSTRUCTION = 1 << 21, IG_IT_SERVICES = 1 << 22
};

/* Words (folded) naming industries: classify's labels, LinkedIn's
 * industry names and what ICPs say. Matched as whole words anywhere in
 * the name; every match adds its groups. */
static const struct {
	const char *phrase;
	unsigned groups;
} industries[] = {
	{ "saas", IG_SOFTWARE }, { "software", IG_SOFTWARE }, { "computer software", IG_SOFTWARE },
	{ "software development", IG_SOFTWARE }, { "internet", IG_SOFTWARE }, { "cloud", IG_SOFTWARE },
	{ "information technology", IG_IT_SERVICES }, { "it services", IG_IT_SERVICES },
	{ "computer", IG_SOFTWARE }, { "tech", IG_SOFTWARE },
	{ "fintech", IG_FINTECH | IG_SOFTWARE }, { "financial technology", IG_FINTECH | IG_SOFTWARE },
	{ "payments", IG_FINTECH | IG_SOFTWARE }, { "payment", IG_FINTECH | IG_SOFTWARE },
	{ "neobank", IG_FINTECH | IG_SOFTWARE },
	{ "financial services", IG_FINANCE }, { "banking", IG_FINANCE }, { "bank", IG_FINANCE },
	{ "insurance", IG_FINANCE }, { "investment", IG_FINANCE }, { "accounting", IG_FINANCE },
	{ "capital markets", IG_FINANCE }, { "venture capital", IG_FINANCE },
	{ "ai", IG_AI }, { "ai ml", IG_AI }, { "artificial intelligence", IG_AI }, { "machine learning", IG_AI },
	{ "cybersecurity", IG_SECURITY }, { "computer network security", IG_SECURITY }, { "security", IG_SECURITY },
	{ "healthcare", IG_HEALTH }, { "health", IG_HEALTH }, { "hospital", IG_HEALTH },
	{ "medical", IG_HEALTH }, { "pharmaceuticals", IG_HEALTH }, { "biotechnology", IG_HEALTH },
	{ "e commerce", IG_RETAIL }, { "ecommerce", IG_RETAIL }, { "retail", IG_RETAIL },
	{ "consumer goods", IG_RETAIL }, { "apparel", IG_RETAIL },
	{ "edtech", IG_EDUCATION | IG_SOFTWARE }, { "education", IG_EDUCATION },
	{ "higher education", IG_EDUCATION }, { "e learning", IG_EDUCATION },
	{ "martech", IG_MARKETING | IG_SOFTWARE }, { "marketing", IG_MARKETING },
	{ "advertising", IG_MARKETING }, { "marketing and advertising", IG_MARKETING },
	{ "media", IG_MEDIA }, { "entertainment", IG_MEDIA }, { "publishing", IG_MEDIA },
	{ "hrtech", IG_HR | IG_SOFTWARE }, { "human resources", IG_HR },
	{ "staffing and recruiting", IG_HR }, { "staffing", IG_HR },
	{ "proptech", IG_REALESTATE | IG_SOFTWARE }, { "real estate", IG_REALESTATE },
	{ "cleantech", IG_ENERGY }, { "renewables", IG_ENERGY }, { "energy", IG_ENERGY },
	{ "oil", IG_ENERGY }, { "utilities", IG_ENERGY },
	{ "consulting", IG_CONSULTING }, { "management consulting", IG_CONSULTING },
	{ "professional services", IG_CONSULTING },
	{ "manufacturing", IG_MANUFACTURING }, { "industrial", IG_MANUFACTURING },
	{ "automotive", IG_MANUFACTURING }, { "machinery", IG_MANUFACTURING },
	{ "telecommunications", IG_TELECOM }, { "telecom", IG_TELECOM },
	{ "government", IG_GOVERNMENT }, { "public sector", IG_GOVERNMENT },
	{ "government administration", IG_GOVERNMENT },
	{ "non profit", IG_NONPROFIT }, { "nonprofit", IG_NONPROFIT }, { "charity", IG_NONPROFIT },
	{ "non profit organization management", IG_NONPROFIT },
	{ "hospitality", IG_HOSPITALITY }, { "restaurants", IG_HOSPITALITY }, { "hotel", IG_HOSPITALITY },
	{ "food", IG_HOSPITALITY }, { "leisure", IG_HOSPITALITY },
	{ "farming", IG_AGRICULTURE }, { "agriculture", IG_AGRICULTURE },
	{ "logistics", IG_LOGISTICS }, { "transportation", IG_LOGISTICS }, { "supply chain", IG_LOGISTICS },
	{ "construction", IG_CONSTRUCTION }, { "architecture", IG_CONSTRUCTION },
	/* other languages: German, French, Spanish, Dutch, Nordic, Italian */
	{ "maschinenbau", IG_MANUFACTURING }, { "anlagenbau", IG_MANUFACTURING },
	{ "automobilzulieferer", IG_MANUFACTURING }, { "automobilindustrie", IG_MANUFACTURING },
	{ "zulieferer", IG_MANUFACTURING }, { "kunststoffverarbeitung", IG_MANUFACTURING },
	{ "kunststofftechnik", IG_MANUFACTURING }, { "metallverarbeitung", IG_MANUFACTURING },
	{ "fertigung", IG_MANUFACTURING }, { "industrie", IG_MANUFACTURING }, { "industria", IG_MANUFACTURING },
	{ "fabricacion", IG_MANUFACTURING }, { "fabrication", IG_MANUFACTURING }, { "industriel", IG_MANUFACTURING },
	{ "medizintechnik", IG_HEALTH | IG_MANUFACTURING }, { "medical devices", IG_HEALTH | IG_MANUFACTURING },
	{ "medtech", IG_HEALTH }, { "gesundheitswesen", IG_HEALTH }, { "sante", IG_HEALTH }, { "salud", IG_HEALTH },
	{ "logistik", IG_LOGISTICS }, { "logistique", IG_LOGISTICS }, { "logistica", IG_LOGISTICS },
	{ "spedition", IG_LOGISTICS }, { "einzelhandel", IG_RETAIL }, { "grosshandel", IG_RETAIL },
	{ "wholesale", IG_RETAIL }, { "handel", IG_RETAIL }, { "commerce", IG_RETAIL }, { "detailhandel", IG_RETAIL },
	{ "versicherung", IG_FINANCE }, { "assurance", IG_FINANCE }, { "bankwesen", IG_FINANCE }, { "banque", IG_FINANCE },
	{ "sparkasse", IG_FINANCE }, { "banco", IG_FINANCE },
	{ "softwareentwicklung", IG_SOFTWARE }, { "logiciel", IG_SOFTWARE }, { "logiciels", IG_SOFTWARE },
	{ "lebensmittel", IG_HOSPITALITY }, { "food and beverage", IG_HOSPITALITY }, { "beverage", IG_HOSPITALITY },
	{ "robotics", IG_MANUFACTURING }, { "robotik", IG_MANUFACTURING }, { "robotica", IG_MANUFACTURING },
	{ "maschinen", IG_MANUFACTURING }, { "machines", IG_MANUFACTURING }, { "machine tools", IG_MANUFACTURING },
	{ "zakłady", IG_MANUFACTURING }, { "zaklady", IG_MANUFACTURING }, { "strojirny", IG_MANUFACTURING },
	{ "werke", IG_MANUFACTURING }, { "factory", IG_MANUFACTURING }, { "plastics", IG_MANUFACTURING },
	{ "games", IG_MEDIA | IG_SOFTWARE }, { "gaming", IG_MEDIA | IG_SOFTWARE },
	{ "game studio", IG_MEDIA | IG_SOFTWARE }, { "computer games", IG_MEDIA | IG_SOFTWARE },
	{ "video games", IG_MEDIA | IG_SOFTWARE },
	/* agencies that build for clients */
	{ "web agency", IG_MARKETING }, { "digital agency", IG_MARKETING }, { "creative agency", IG_MARKETING },
	{ "web studio", IG_MARKETING }, { "design studio", IG_MARKETING }, { "webagentur", IG_MARKETING },
	{ "werbeagentur", IG_MARKETING }, { "agence web", IG_MARKETING }, { "agencia digital", IG_MARKETING },
	/* what a software company makes, in its own words */
	{ "developer tools", IG_SOFTWARE }, { "devtools", IG_SOFTWARE }, { "developers", IG_SOFTWARE },
	{ "api", IG_SOFTWARE }, { "apis", IG_SOFTWARE }, { "sdk", IG_SOFTWARE }, { "app", IG_SOFTWARE },
	{ "apps", IG_SOFTWARE }, { "platform", IG_SOFTWARE }, { "database", IG_SOFTWARE },
	{ "databases", IG_SOFTWARE }, { "open source", IG_SOFTWARE }, { "serverless", IG_SOFTWARE },
	{ "observability", IG_SOFTWARE }, { "data infrastructure", IG_SOFTWARE },
	{ "computer vision", IG_AI | IG_SOFTWARE }, { "llm", IG_AI | IG_SOFTWARE }, { "llms", IG_AI | IG_SOFTWARE }, { "mlops", IG_AI | IG_SOFTWARE },
};

/* Pairs of groups that are related (half credit). */
static const unsigned related[][2] = {
	{ IG_FINTECH, IG_FINANCE }, { IG_FINTECH, IG_SOFTWARE }, { IG_SOFTWARE, IG_AI },
	{ IG_SOFTWARE, IG_SECURITY }, { IG_SOFTWARE, IG_IT_SERVICES }, { IG_AI, IG_IT_SERVICES },
	{ IG_SECURITY, IG_IT_SERVICES }, { IG_MARKETING, IG_MEDIA }, { IG_REALESTATE, IG_CONSTRUCTION },
	{ IG_HR, IG_CONSULTING }, { IG_SOFTWARE, IG_TELECOM },
};

/* Stems (folded) that name an industry inside a compound word, the way
 * German, Dutch, Nordic and Slavic company names build them
 * ("Werkzeugmaschinen", "Fahrzeugtechnik"): a word of at least three more
 * letters that holds one counts (the stem as a whole word is in
 * industries[] when it is one). */
static const struct {
	const char *stem;
	unsigned groups;
} industry_stems[] = {
	{ "maschinen", IG_MANUFACTURING }, { "getriebe", IG_MANUFACTURING }, { "fahrzeug", IG_MANUFACTURING },
	{ "kunststoff", IG_MANUFACTURING }, { "metallbau", IG_MANUFACTURING }, { "stahlbau", IG_MANUFACTURING },
	{ "giesserei", IG_MANUFACTURING }, { "gießerei", IG_MANUFACTURING }, { "armaturen", IG_MANUFACTURING },
	{ "antriebs", IG_MANUFACTURING }, { "walzlager", IG_MANUFACTURING }, { "werkzeug", IG_MANUFACTURING },
	{ "machinefabriek", IG_MANUFACTURING }, { "maskin", IG_MANUFACTURING }, { "maszyn", IG_MANUFACTURING },
	{ "strojir", IG_MANUFACTURING }, { "gepgyar", IG_MANUFACTURING },
	{ "logistik", IG_LOGISTICS }, { "logistiek", IG_LOGISTICS }, { "spedition", IG_LOGISTICS },
	{ "software", IG_SOFTWARE },
};

/* Groups of the words w[0..n) (folded); a word that is NULL is skipped. A
 * bare "ai" counts only when ai_ok. */
static unsigned
groups_of(char **w, size_t n, int ai_ok)
{
	unsigned g = 0;

	for (size_t i = 0; i < n;) {
		size_t best = 0, bi = 0;

		for (size_t e = 0; w[i] && e < LQ_NELEM(industries); e++) {
			size_t k = phrase_at(industries[e].phrase, w + i, n - i);

			if (k > best)
				best = k, bi = e;
		}
		if (best && (ai_ok || strcmp(industries[bi].phrase, "ai") != 0))
			g |= industries[bi].groups;
		for (size_t e = 0; w[i] && best == 0 && e < LQ_NELEM(industry_stems); e++)
			if (strlen(w[i]) >= strlen(industry_stems[e].stem) + 3 && strstr(w[i], industry_stems[e].stem))
				g |= industry_stems[e].groups;
		i += best ? best : 1;
	}
	return g;
}

unsigned
lq_industry_groups(const char *name)
{
	char *f = lq_fold(name), **w;
	size_t n = split(f, &w);
	unsigned g = groups_of(w, n, 1);

	free(w);
	free(f);
	return g;
}

/* Words (folded) of a practice that sells a person's service rather than
 * a product: "AI" in its name is a brand, not the industry ("Clarity AI
 * Coaching"). */
static const char *const practice_words[] = {
	"coaching", "coach", "coaches", "consulting", "consultancy", "consultants", "advisory",
	"agency", "recruiting", "recruitment", "staffing", "talent", "hire", "hiring", "search",
	"training", "academy", "studio", "therapy", "wellness", "mindset", "leadership",
	"beratung", "conseil", "conseils", "agence", "agentur", "advies",
};

unsigned
lq_company_groups(const char *text, const char *person)
{
	char *f = lq_fold(text), **w;
	char *pf = person ? lq_fold(person) : NULL, **pw = NULL;
	size_t n = split(f, &w), pn = pf ? split(pf, &pw) : 0, i, k;
	int ai_ok = 1;
	unsigned g;

	for (i = 0; i < n; i++) {
		for (k = 0; k < pn; k++)
			if (strcmp(w[i], pw[k]) == 0)
				break;
		if (k < pn) {
			w[i] = NULL;	/* the person's own name ("Ai Tanaka Design") */
			continue;
		}
		for (k = 0; k < LQ_NELEM(practice_words); k++)
			if (strcmp(w[i], practice_words[k]) == 0)
				ai_ok = 0;
	}
	g = groups_of(w, n, ai_ok);
	free(w);
	free(pw);
	free(f);
	free(pf);
	return g;
}

double
lq_industry_lexsim(unsigned lead, unsigned target)
{
	if (lead == 0 || target == 0)
		return -1;
	if ((lead & target) == target)
		return 1;
	if (lead & target)
		return 0.75;
	for (size_t i = 0; i < LQ_NELEM(related); i++)
		if (((lead & related[i][0]) && (target & related[i][1])) ||
		    ((lead & related[i][1]) && (target & related[i][0])))
			return 0.5;
	return 0;
}

/* Phrases (folded) that hint at a company type besides the stage words
 * of company-sizes.stages: before them (freelance, agency) or after. */
static const struct {
	const char *phrase, *type;
} signals_before[] = {
	{ "freelance", "freelance" }, { "freelancer", "freelance" }, { "self employed", "freelance" },
	{ "independent consultant", "freelance" }, { "fractional", "freelance" },
	{ "agency", "agency" },
}, signals_after[] = {
	{ "dax", "enterprise" }, { "global leader", "enterprise" },
	{ "mid market", "mid-market" }, { "mid sized", "mid-market" }, { "midsize", "mid-market" },
	{ "enterprise", "enterprise" },
};

/* Words (folded) that count a company's people after a number: a word
 * that starts with one of them ("employees", "Mitarbeitende"); one of
 * three letters or fewer must be the whole word ("420 MA", "80 FTE"). */
static const char *const headcount_units[] = {
	"employee", "person", "people", "staff", "fte", "colleague",
	/* German, French, Spanish, Portuguese, Italian, Dutch, Nordic, Finnish,
	 * Polish, Czech, Hungarian, Turkish */
	"mitarbeit", "ma", "beschaftigte", "angestellte", "salaries", "collaborat", "employes",
	"empleado", "trabajador", "colaborador", "funcionario", "dipendent", "medewerker", "werknemer",
	"anstallda", "medarbetare", "ansatte", "medarbejder", "tyontekija", "pracownik", "zamestnan",
	"munkatars", "dolgozo", "calısan", "calisan", "pessoas", "mensen", "osob",
};

/* Whether the folded word at q is one of headcount_units. */
static int
headcount_unit(const char *q)
{
	size_t wl = strcspn(q, " ");

	for (size_t i = 0; i < LQ_NELEM(headcount_units); i++) {
		size_t ul = strlen(headcount_units[i]);

		if (wl >= ul && strncmp(q, headcount_units[i], ul) == 0 && (ul > 3 || wl == ul))
			return 1;
	}
	return 0;
}

/* Parses "30,000-employee", "300-person", "1,200 staff", "300 employees",
 * "a team of 11": returns the head count or 0. */
static long
headcount(const char *f)
{
	/* f is folded: "30 000 employee", "300 person" */
	for (const char *p = f; *p; p++) {
		if (!isdigit((unsigned char)*p) || (p > f && p[-1] != ' '))
			continue;
		long v = 0;
		const char *q = p;
		while (isdigit((unsigned char)*q) || (*q == ' ' && isdigit((unsigned char)q[1]) &&
		    strspn(q + 1, "0123456789") == 3 && v > 0 && v < 1000)) {
			if (*q != ' ')
				v = v * 10 + (*q - '0');
			if (v > 10000000)
				break;
			q++;
		}
		if (*q == 'k' && (q[1] == ' ' || q[1] == '\0'))
			v *= 1000, q++;
		while (*q == ' ')
			q++;
		if (v > 0 && (headcount_unit(q) || (p - f >= 8 && strncmp(p - 8, "team of ", 8) == 0)))
			return v;
		p = q - 1;
	}
	return 0;
}

const char *
lq_company_signal(const char *text, const char **evidence)
{
	char *f = lq_fold(text);
	const char *type = NULL, *word = NULL;
	long n = headcount(f);

	if (n > 0 && (type = lq_size_band(n)) != NULL && evidence)
		*evidence = "head count";
	for (size_t i = 0; type == NULL && i < LQ_NELEM(signals_before); i++)
		if (lq_has_phrase(f, signals_before[i].phrase)) {
			type = signals_before[i].type;
			if (evidence)
				*evidence = signals_before[i].phrase;
		}
	if (type == NULL && (type = lq_size_stage(f, &word)) != NULL && evidence)
		*evidence = word;
	for (size_t i = 0; type == NULL && i < LQ_NELEM(signals_after); i++)
		if (lq_has_phrase(f, signals_after[i].phrase)) {
			type = signals_after[i].type;
			if (evidence)
				*evidence = signals_after[i].phrase;
		}
	free(f);
	return type;
}

static int
size_rank(const char *s)
{
	static const char *const order[] = { "startup", "scaleup", "mid-market", "enterprise" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, order[i]) == 0)
			return i;
	return -1;
}

double
lq_size_sim(const char *have, const char *want)
{
	int a, b;

	if (have == NULL || strcmp(have, "unknown") == 0 || have[0] == '\0')
		return -1;
	if (strcmp(have, want) == 0)
		return 1;
	a = size_rank(have);
	b = size_rank(want);
	if (a >= 0 && b >= 0 && abs(a - b) == 1)
		return 0.5;
	return 0;
}

int
lq_has_phrase(const char *hay, const char *needle)
{
	char *n = lq_fold(needle);
	size_t nl = strlen(n);
	int found = 0;

	if (nl > 0)
		for (const char *p = strstr(hay, n); p && !found; p = strstr(p + 1, n))
			found = (p == hay || p[-1] == ' ') && (p[nl] == ' ' || p[nl] == '\0');
	free(n);
	return found;
}

const char *
lq_tier(double icp_score)
{
	return icp_score >= 70 ? "A" : icp_score >= 50 ? "B" : icp_score >= 30 ? "C" : "D";
}
