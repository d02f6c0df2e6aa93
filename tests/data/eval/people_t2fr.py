"""people_t2fr.py: the people written for Flottarif (key R, icp-flottarif.json:
dynamic pricing for short-term car, van and camper rental in French-speaking
countries), a tune-only ICP added after held-out-2 (evalkit.TUNE2_ICPS).
Written blind to the scoring rules. Each person (q(..., tune2=True)) is
judged for Flottarif only; the earlier people of the tune split are 0 for it
by default, and tune2() gives the few that need their own reason. Reasons in
French, like the ICP."""
from evalkit import q, tune2, pos, group

# ------------------------------------------------ the buyers (3)
q("Claire", "Vasseur", "Lyon, Auvergne-Rhône-Alpes, France", "France", "Travel Arrangements",
  "Revenue Manager chez Rhône Location | location courte durée VP & VU",
  "Je fixe chaque jour les tarifs de nos 14 agences (350 véhicules) : prévisions de demande, veille des prix sur les comparateurs, durées minimales de location pendant les salons.",
  ["Revenue Management", "Tarification", "Excel", "Prévision de la demande"],
  [pos("Revenue Manager", "Rhône Location", "51-200", "2021-03",
       desc="Tarifs journaliers et week-end des voitures et utilitaires, 14 agences en Rhône-Alpes."),
   pos("Analyste tarifaire", "Air Rhône Charter", "51-200", "2017-09", "2021-02")],
  tune2=True, R=(3, "revenue manager d'un loueur régional de 350 véhicules en France : fixe les tarifs chaque jour"))
q("Thibault", "Dewaele", "Bruxelles, Région de Bruxelles-Capitale, Belgique", "Belgium", "Truck Transportation",
  "Yield Manager | Brabant Utilitaires – location de camionnettes et camions 3,5 t",
  "Optimisation du taux d'utilisation et des prix de location d'une flotte de 420 utilitaires répartis sur 9 agences en Belgique.",
  ["Yield Management", "Pricing", "Power BI"],
  [pos("Yield Manager", "Brabant Utilitaires SA", "201-500", "2020-01"),
   pos("Business Analyst", "Brabant Utilitaires SA", "201-500", "2017-06", "2019-12")],
  tune2=True, R=(3, "yield manager d'un loueur belge de 420 utilitaires : le prix de location est son métier"))
q("Geneviève", "Tremblay", "Montréal, Québec, Canada", "Canada", "Travel Arrangements",
  "Responsable de la tarification | Location Boréal",
  "Responsable des prix de location pour nos succursales du Québec (environ 900 véhicules, de la compacte au VUS). Saisons, congés de la construction, pneus d'hiver : la demande ne dort jamais.",
  ["Tarification", "Analyse de données", "SQL"],
  [pos("Responsable de la tarification", "Location Boréal inc.", "201-500", "2019-05"),
   pos("Analyste, revenus", "Hôtels Laurentides", "501-1000", "2015-01", "2019-04")],
  tune2=True, R=(3, "responsable tarification d'un loueur québécois de 900 véhicules"))
q("Mehdi", "Ouali", "Paris, Île-de-France, France", "France", "Travel Arrangements",
  "Pricing Manager @ Citylib Rent | car rental | dynamic pricing 🚗📈",
  "Pricing de la location courte durée pour 1 200 voitures en Île-de-France et dans les gares. Je pilote les prix par agence, par catégorie et par durée.",
  ["Pricing", "Python", "A/B testing", "Revenue Management"],
  [pos("Pricing Manager", "Citylib Rent", "201-500", "2022-02"),
   pos("Data Analyst", "Citylib Rent", "201-500", "2019-09", "2022-01")],
  tune2=True, R=(3, "pricing manager d'un loueur de 1 200 voitures en Île-de-France"))
q("Laurent", "Pastor", "Nice, Provence-Alpes-Côte d'Azur, France", "France", "Travel Arrangements",
  "Directeur Commercial et Revenue | Azur Car Location (aéroports Nice & Marseille)",
  None,
  ["Direction commerciale", "Revenue Management", "Négociation", "Tour-opérateurs"],
  [pos("Directeur Commercial et Revenue", "Azur Car Location", "51-200", "2018-04",
       desc="Ventes, partenariats tour-opérateurs et tarification de 600 véhicules en saison."),
   pos("Responsable des ventes", "Europe Location Sud", "201-500", "2011-01", "2018-03")],
  tune2=True, R=(3, "directeur commercial et revenue d'un loueur aéroportuaire de 600 véhicules"))
q("Océane", "Marchal", "Bordeaux, Nouvelle-Aquitaine, France", "France", "Travel Arrangements",
  "Analyste Yield | Atlantique Rent",
  "Chargée des prix au quotidien pour les 11 agences d'Atlantique Rent : mise à jour des grilles sur notre site et les comparateurs, suivi du taux d'utilisation.",
  ["Yield", "Excel", "Tarification dynamique"],
  [pos("Analyste Yield", "Atlantique Rent", "51-200", "2023-01"),
   pos("Alternante contrôle de gestion", "Atlantique Rent", "51-200", "2021-09", "2022-12", etype="Apprenticeship")],
  tune2=True, R=(3, "analyste yield qui fixe les prix au quotidien d'un loueur de 11 agences"))
q("Patrick", "Sarda", "Toulouse, Occitanie, France", "France", "Consumer Services",
  "Gérant - Sarda Location (voitures & utilitaires, 120 véhicules)",
  "Entreprise familiale depuis 1987. Je fixe moi-même nos tarifs, agence par agence, et je cherche à arrêter de le faire sur un tableur.",
  ["Gestion d'entreprise", "Location de véhicules"],
  [pos("Gérant", "Sarda Location", "11-50", "2005-01"),
   pos("Chef d'agence", "Sarda Location", "11-50", "1996-01", "2004-12")],
  tune2=True, R=(3, "gérant d'un loueur indépendant de 120 véhicules qui fixe lui-même ses prix"))
q("Élodie", "Berthier", "Annecy, Auvergne-Rhône-Alpes, France", "France", "Travel Arrangements",
  "Fondatrice & dirigeante | Vanlife Alpes – location de vans aménagés 🚐",
  "80 vans aménagés en location au départ d'Annecy, Lyon et Grenoble. Les prix, c'est moi : haute saison, ponts, longues durées.",
  ["Entrepreneuriat", "Tourisme", "Tarification"],
  [pos("Fondatrice & dirigeante", "Vanlife Alpes", "11-50", "2019-04")],
  tune2=True, R=(3, "dirigeante d'un loueur de 80 vans aménagés qui fixe ses prix elle-même"))
q("Nicolas", "Favre", "Genève, Genève, Suisse", "Switzerland", "Travel Arrangements",
  "Head of Revenue Management | Léman Mobility SA",
  "",
  ["Revenue Management", "Forecasting", "Pricing Strategy"],
  [group("Léman Mobility SA", "7 yrs 2 mos", "201-500"),
   pos("Head of Revenue Management", "Léman Mobility SA", "201-500", "2021-01",
       desc="Prix de location de 1 500 véhicules : aéroport de Genève, gares CFF, Lausanne."),
   pos("Revenue Analyst", "Léman Mobility SA", "201-500", "2017-11", "2020-12")],
  tune2=True, R=(3, "dirige le revenue management d'un loueur suisse de 1 500 véhicules"))
q("Sandrine", "Weber", "Luxembourg, Luxembourg", "Luxembourg", "Travel Arrangements",
  "Responsable Revenue Management chez Lux Autolocation",
  "Tarifs, durées et surclassements pour 300 véhicules (aéroport du Findel et gare de Luxembourg), clientèle d'affaires et frontaliers.",
  ["Revenue Management", "Distribution", "Tarification"],
  [pos("Responsable Revenue Management", "Lux Autolocation S.à r.l.", "51-200", "2020-06"),
   pos("Revenue Manager", "Hôtel Grand-Ducal", "51-200", "2016-03", "2020-05")],
  tune2=True, R=(3, "responsable revenue d'un loueur luxembourgeois de 300 véhicules"))
q("Salma", "Benjelloun", "Casablanca, Casablanca-Settat, Maroc", "Morocco", "Travel Arrangements",
  "Directrice Pricing & Revenue | Atlas Cars Location – 600 véhicules, 8 villes",
  "Je pilote la stratégie tarifaire d'un loueur national marocain : aéroports, MRE en été, Marrakech toute l'année.",
  ["Pricing", "Revenue Management", "Stratégie commerciale"],
  [pos("Directrice Pricing & Revenue", "Atlas Cars Location", "201-500", "2021-09"),
   pos("Responsable Revenue Management", "Royal Air Atlas", "1001-5000", "2014-02", "2021-08")],
  tune2=True, R=(3, "directrice pricing d'un loueur marocain de 600 véhicules"))
q("Yassine", "Trabelsi", "Tunis, Tunisie", "Tunisia", "Travel Arrangements",
  "Revenue Manager chez Carthage Rent a Car",
  None, None,
  [pos("Revenue Manager", "Carthage Rent a Car", "51-200", "2022-04")],
  tune2=True, R=(3, "revenue manager d'un loueur tunisien (fiche maigre, mais le rôle est le bon)"))
q("Jean-Marc", "Hoarau", "Saint-Denis, La Réunion, France", "France", "Consumer Services",
  "Directeur général - Île Intense Location",
  "Loueur indépendant réunionnais : 200 voitures, aéroport Roland-Garros et Saint-Pierre. Je décide des prix avec mon adjointe chaque semaine.",
  ["Direction générale", "Tourisme", "Gestion de flotte"],
  [pos("Directeur général", "Île Intense Location", "51-200", "2012-01"),
   pos("Directeur d'agence", "Sud Auto Location", "11-50", "2004-01", "2011-12")],
  tune2=True, R=(3, "DG d'un loueur indépendant de 200 voitures à La Réunion qui fixe les prix"))
q("Fabien", "Roussel", "Nantes, Pays de la Loire, France", "France", "Travel Arrangements",
  "Responsable Yield & Distribution | Ouest Camping-Cars Location",
  "Une flotte de 140 camping-cars, une saison de 20 semaines : chaque nuitée compte. Je gère les prix, les durées minimales et la distribution sur les plateformes.",
  ["Yield Management", "Distribution", "Channel manager"],
  [pos("Responsable Yield & Distribution", "Ouest Camping-Cars Location", "11-50", "2020-02"),
   pos("Chargé de distribution", "Pierre & Vacances", "5001-10000", "2015-01", "2020-01")],
  tune2=True, R=(3, "responsable yield d'un loueur de 140 camping-cars"))
q("Antoine", "Santoni", "Ajaccio, Corse, France", "France", "Consumer Services",
  "Co-gérant | Corsica Auto Loc",
  "",
  [],
  [pos("Co-gérant", "Corsica Auto Loc", "11-50", "2010-04",
       desc="250 voitures sur Ajaccio, Bastia et Figari. Tarifs, flotte et saisonniers."),
   pos("Chef d'agence", "Hertz Corse", "51-200", "2003-01", "2010-03")],
  tune2=True, R=(3, "co-gérant d'un loueur corse indépendant de 250 voitures ; la description dit qu'il fait les tarifs"))
q("Inès", "Garnier", "Paris, Île-de-France, France", "France", "Internet Marketplace Platforms",
  "Revenue & Pricing Lead | Drivo (location de voitures 100% digitale)",
  "Drivo loue 900 voitures en propre, réservées et ouvertes depuis l'appli. Je construis nos règles de prix et nos prévisions de demande.",
  ["Pricing", "Revenue Management", "SQL", "Looker"],
  [pos("Revenue & Pricing Lead", "Drivo", "51-200", "2023-03"),
   pos("Pricing Analyst", "Vendomax", "1001-5000", "2020-01", "2023-02")],
  tune2=True, R=(3, "responsable prix d'un loueur numérique de 900 voitures en propre"))
q("Maxime", "Lefranc", "Lille, Hauts-de-France, France", "France", "Truck Transportation",
  "Responsable Yield | Nord Utilitaires Location",
  "Déménagements du samedi, fins de mois, BTP en semaine : je fixe les prix de 260 utilitaires en fonction de la demande.",
  ["Yield", "Tarification", "Excel VBA"],
  [pos("Responsable Yield", "Nord Utilitaires Location", "51-200", "2021-05")],
  tune2=True, R=(3, "responsable yield d'un loueur de 260 utilitaires"))
q("Mathieu", "Pelletier", "Québec, Québec, Canada", "Canada", "Travel Arrangements",
  "Directeur, opérations commerciales et revenus | Capitale Location d'autos",
  None,
  ["Gestion des revenus", "Ventes", "Leadership"],
  [pos("Directeur, opérations commerciales et revenus", "Capitale Location d'autos", "51-200", "2019-08",
       desc="Ventes, tarification et taux d'utilisation d'une flotte de 500 véhicules."),
   pos("Directeur des ventes", "Capitale Location d'autos", "51-200", "2014-01", "2019-07")],
  tune2=True, R=(3, "dirige ventes et revenus (tarification) d'un loueur de 500 véhicules à Québec"))
q("Kevin", "Lemaire", "Liège, Wallonie, Belgique", "Belgium", "Consumer Services",
  "Gérant chez Meuse Location | voitures, utilitaires, minibus",
  "70 véhicules, 3 agences. Je fais les devis et les tarifs du site moi-même.",
  ["Gestion", "Service client"],
  [pos("Gérant", "Meuse Location SPRL", "11-50", "2016-01")],
  tune2=True, R=(3, "gérant d'un loueur liégeois de 70 véhicules qui fait ses tarifs"))
q("Hind", "Alaoui", "Marrakech, Marrakech-Safi, Maroc", "Morocco", "Travel Arrangements",
  "Yield Manager | Menara Rent",
  "",
  ["Yield Management", "Booking engines"],
  [group("Menara Rent", "4 yrs 5 mos", "51-200"),
   pos("Yield Manager", "Menara Rent", "51-200", "2022-01",
       desc="Tarifs de 350 véhicules, aéroport Marrakech-Menara et centre-ville."),
   pos("Superviseure d'agence", "Menara Rent", "51-200", "2019-08", "2021-12")],
  tune2=True, R=(3, "yield manager d'un loueur marocain de 350 véhicules"))
q("Lieven", "Maes", "Antwerpen, Vlaanderen, België", "Belgium", "Travel Arrangements",
  "Revenue Manager | Scheldeland Autoverhuur (BE · LU)",
  "Prijszetting voor 800 wagens en bestelwagens in België en Luxemburg. Revenue management, vraagvoorspelling, concurrentieanalyse.",
  ["Revenue Management", "Prijsstrategie", "Power BI"],
  [pos("Revenue Manager", "Scheldeland Autoverhuur NV", "201-500", "2020-09")],
  tune2=True, R=(3, "revenue manager d'un loueur belge de 800 véhicules (profil en néerlandais, pays dans la zone)"))
q("Aurélie", "Combes", "Montpellier, Occitanie, France", "France", "Consumer Services",
  "Co-fondatrice & DG | Soleil Loc' – location de voitures à Montpellier et Béziers",
  "Je fixe nos tarifs chaque matin en regardant les prix des majors et nos réservations : 95 voitures, 2 agences et l'aéroport.",
  ["Entrepreneuriat", "Pricing", "Relation client"],
  [pos("Co-fondatrice & Directrice Générale", "Soleil Loc'", "11-50", "2017-03"),
   pos("Responsable d'agence", "Avis Montpellier", "11-50", "2012-01", "2017-02")],
  tune2=True, R=(3, "cofondatrice et DG d'un loueur de 95 voitures qui fixe les prix chaque matin"))
q("Romain", "Vuilleumier", "Lausanne, Vaud, Suisse", "Switzerland", "Travel Arrangements",
  "Responsable pricing & revenue | Vaud Prestige Rent (voitures premium)",
  "Flotte premium de 60 voitures. Prix au jour, week-end, Montreux Jazz, Salon de l'auto.",
  ["Pricing", "Revenue Management", "Luxe"],
  [pos("Responsable pricing & revenue", "Vaud Prestige Rent SA", "11-50", "2022-06")],
  tune2=True, R=(3, "responsable pricing d'un loueur vaudois de 60 voitures, au-dessus du minimum"))

# ------------------------------------------------ strong fits, not the buyer (2)
q("Stéphanie", "Dubreuil", "Rennes, Bretagne, France", "France", "Travel Arrangements",
  "Cheffe d'agence | Armor Location – Rennes gare",
  "J'ajuste les prix de mon agence dans la fourchette donnée par le siège et je remonte ce que font les concurrents.",
  ["Management", "Relation client", "Vente"],
  [pos("Cheffe d'agence", "Armor Location", "51-200", "2018-01")],
  tune2=True, R=(2, "cheffe d'agence d'un loueur régional : prescriptrice qui ajuste les prix, pas celle qui achète"))
q("Olivier", "Perrin", "Dijon, Bourgogne-Franche-Comté, France", "France", "Transportation, Logistics, Supply Chain and Storage",
  "Responsable de flotte | Bourgogne Location Véhicules",
  "Achats, immatriculations, transferts inter-agences et remises en vente de 450 véhicules.",
  ["Gestion de flotte", "Achats", "Remarketing"],
  [pos("Responsable de flotte", "Bourgogne Location Véhicules", "51-200", "2016-05")],
  tune2=True, R=(2, "responsable de flotte d'un loueur de 450 véhicules : prescripteur (utilisation de la flotte), pas le tarif"))
q("Caroline", "Mathieu", "Marseille, Provence-Alpes-Côte d'Azur, France", "France", "Travel Arrangements",
  "Pricing Manager | Groupe Phocéa Mobilité (multi-franchisé Rent&Go · 34 agences)",
  "Groupe multi-franchisé de 34 agences dans le Sud. La centrale donne la grille ; je fixe nos prix locaux dans le corridor autorisé et je négocie les exceptions.",
  ["Pricing", "Franchise", "Analyse"],
  [pos("Pricing Manager", "Groupe Phocéa Mobilité", "201-500", "2021-01")],
  tune2=True, R=(2, "pricing d'un grand multi-franchisé : réelle marge locale, mais l'outil de prix du réseau vient de la centrale"))
q("Bertrand", "Joly", "Paris, Île-de-France, France", "France", "Business Consulting and Services",
  "Revenue Manager de transition | Missions de 6 à 12 mois | location de véhicules & tourisme",
  "Manager de transition. Actuellement revenue manager par intérim chez un loueur national pendant un remplacement.",
  ["Revenue Management", "Management de transition"],
  [pos("Revenue Manager (intérim)", "France Route Location", "501-1000", "2024-09", etype="Contract"),
   pos("Manager de transition", "Indépendant", None, "2015-01", etype="Self-employed")],
  tune2=True, R=(2, "tient le revenue management d'un loueur national, mais par intérim pour quelques mois"))

# ------------------------------------------------ right job, ruled-out organisation (1)
q("Julie", "Caron", "Paris, Île-de-France, France", "France", "Hospitality",
  "Revenue Manager | Hôtels Opéra Collection (4 hôtels, 380 chambres)",
  "RevPAR, taux d'occupation, tarification dynamique des chambres.",
  ["Revenue Management", "RevPAR", "Channel manager"],
  [pos("Revenue Manager", "Hôtels Opéra Collection", "201-500", "2019-02")],
  tune2=True, R=(1, "même métier dans l'hôtellerie, secteur que l'ICP exclut"))
q("Grégory", "Payet", "Saint-Denis, La Réunion, France", "France", "Airlines and Aviation",
  "Analyste Revenue Management | Air Océan Indien",
  None,
  ["Revenue Management", "Pricing", "Amadeus"],
  [pos("Analyste Revenue Management", "Air Océan Indien", "1001-5000", "2020-01")],
  tune2=True, R=(1, "revenue management d'une compagnie aérienne : même métier, secteur exclu"))
q("Sébastien", "Morel", "Lyon, Auvergne-Rhône-Alpes, France", "France", "Transportation, Logistics, Supply Chain and Storage",
  "Responsable tarification & yield | ParkEo (parkings en ouvrage, 45 000 places)",
  "Tarifs horaires, abonnements et réservation en ligne de 120 parkings en France.",
  ["Yield Management", "Tarification", "Stationnement"],
  [pos("Responsable tarification & yield", "ParkEo", "1001-5000", "2021-04")],
  tune2=True, R=(1, "yield de parkings : même métier, secteur que l'ICP exclut"))
q("Javier", "Ruiz", "Málaga, Andalucía, España", "Spain", "Travel Arrangements",
  "Revenue Manager | Costa Sol Rent a Car",
  "Gestión de precios de 2.000 coches en Málaga, Alicante y Palma.",
  ["Revenue Management", "Pricing", "Brokers"],
  [pos("Revenue Manager", "Costa Sol Rent a Car", "201-500", "2019-01")],
  tune2=True, R=(1, "le bon métier chez un loueur espagnol, hors de la zone francophone"))
q("Markus", "Hinterseer", "München, Bayern, Deutschland", "Germany", "Travel Arrangements",
  "Leiter Pricing & Revenue Management | Alpenwagen Autovermietung",
  "",
  ["Pricing", "Revenue Management", "SAP"],
  [pos("Leiter Pricing & Revenue Management", "Alpenwagen Autovermietung GmbH", "501-1000", "2018-03")],
  tune2=True, R=(1, "dirige le pricing d'un loueur allemand : hors zone"))
q("Hannah", "Whitfield", "Manchester, England, United Kingdom", "United Kingdom", "Travel Arrangements",
  "Pricing Manager at Northway Vehicle Hire | car & van rental",
  "Setting daily rates for 1,100 cars and vans across 22 branches in the North West.",
  ["Pricing", "Revenue Management", "Tableau"],
  [pos("Pricing Manager", "Northway Vehicle Hire", "201-500", "2020-07")],
  tune2=True, R=(1, "pricing manager d'un loueur britannique : bon métier, hors zone"))
q("Didier", "Lacoste", "Pau, Nouvelle-Aquitaine, France", "France", "Consumer Services",
  "Gérant | Béarn Loc' (location de voitures et utilitaires)",
  "Petite agence indépendante : 25 véhicules, tarifs faits à la main.",
  ["Gestion", "Location"],
  [pos("Gérant", "Béarn Loc'", "1-10", "2014-01")],
  tune2=True, R=(1, "gérant qui fixe ses prix, mais 25 véhicules : sous le minimum de 50"))
q("Franck", "Delmas", "Clermont-Ferrand, Auvergne-Rhône-Alpes, France", "France", "Consumer Services",
  "Franchisé Rent&Go Clermont-Ferrand (2 agences)",
  "Franchisé depuis 2015. Les tarifs et le site de réservation sont gérés par la centrale du réseau ; je gère l'équipe et la flotte locale.",
  ["Franchise", "Management", "Vente"],
  [pos("Franchisé - gérant", "Rent&Go Clermont-Ferrand", "11-50", "2015-06")],
  tune2=True, R=(1, "franchisé d'un grand réseau : la centrale fixe les prix et choisit l'outil ; il n'achète pas, il connaît le métier"))

# ------------------------------------------------ hard negatives (0)
q("Nathalie", "Brunet", "Lyon, Auvergne-Rhône-Alpes, France", "France", "Travel Arrangements",
  "Responsable des Ressources Humaines | Rhône Location",
  "RH d'un loueur de 14 agences : recrutement des saisonniers, paie, formation.",
  ["Recrutement", "Paie", "Droit social"],
  [pos("Responsable des Ressources Humaines", "Rhône Location", "51-200", "2019-01")],
  tune2=True, R=(0, "RH chez un loueur cible : mauvaise fonction"))
q("Rachid", "Haddouche", "Marseille, Provence-Alpes-Côte d'Azur, France", "France", "Travel Arrangements",
  "Responsable maintenance flotte | Azur Car Location",
  None,
  ["Mécanique", "Maintenance préventive", "Carrosserie"],
  [pos("Responsable maintenance flotte", "Azur Car Location", "51-200", "2017-03"),
   pos("Chef d'atelier", "Garage du Prado", "11-50", "2009-01", "2017-02")],
  tune2=True, R=(0, "maintenance des véhicules chez un loueur : pas le prix"))
q("Émilie", "Rousseau", "Bordeaux, Nouvelle-Aquitaine, France", "France", "Travel Arrangements",
  "Responsable Qualité & Expérience client | Atlantique Rent",
  "Enquêtes de satisfaction, réclamations, certification ISO 9001.",
  ["Qualité", "ISO 9001", "Expérience client"],
  [pos("Responsable Qualité & Expérience client", "Atlantique Rent", "51-200", "2020-10")],
  tune2=True, R=(0, "qualité chez un loueur : mauvaise fonction"))
q("Kenza", "Amrani", "Nice, Provence-Alpes-Côte d'Azur, France", "France", "Travel Arrangements",
  "Agente de comptoir - aéroport Nice Côte d'Azur",
  "", None,
  [pos("Agente de comptoir", "Azur Car Location", "51-200", "2023-04")],
  tune2=True, R=(0, "agente de comptoir : applique les tarifs, ne les fixe pas"))
q("Camille", "Fournier", "Paris, Île-de-France, France", "France", "Travel Arrangements",
  "Chargée de communication & réseaux sociaux @ Citylib Rent ✨",
  "Contenus, influence, relations presse et campagnes de marque.",
  ["Communication", "Réseaux sociaux", "Relations presse"],
  [pos("Chargée de communication", "Citylib Rent", "201-500", "2022-09")],
  tune2=True, R=(0, "communication chez un loueur : pas les prix"))
q("Vincent", "Lambert", "Paris, Île-de-France, France", "France", "Software Development",
  "Account Executive | RentPilot – logiciel de gestion et de pricing pour loueurs de véhicules",
  "J'aide les loueurs de voitures et d'utilitaires à automatiser leurs tarifs. Parlons de votre taux d'utilisation !",
  ["Vente SaaS", "Prospection", "Location de véhicules"],
  [pos("Account Executive", "RentPilot", "11-50", "2022-01"),
   pos("Chef d'agence", "Europe Location Sud", "201-500", "2016-01", "2021-12")],
  tune2=True, R=(0, "commercial d'un éditeur de logiciel de pricing pour loueurs : concurrent, pas acheteur"))
q("Isabelle", "Gauthier", "Paris, Île-de-France, France", "France", "Business Consulting and Services",
  "Consultante Revenue Management & Pricing | mobilité, tourisme, loisirs",
  "J'accompagne loueurs, hôtels et parcs dans la mise en place du yield management.",
  ["Revenue Management", "Conseil", "Formation"],
  [pos("Fondatrice", "Yieldia Conseil", "1-10", "2018-01", etype="Self-employed"),
   pos("Revenue Manager", "Rhône Location", "51-200", "2012-01", "2017-12")],
  tune2=True, R=(0, "consultante en revenue management : l'ICP exclut les consultants"))
q("Thomas", "Girard", "Lyon, Auvergne-Rhône-Alpes, France", "France", "Staffing and Recruiting",
  "Chasseur de têtes | Mobilité, location de véhicules & automobile 🚗 | Je recrute vos revenue managers",
  "",
  ["Recrutement", "Chasse de têtes", "Automobile"],
  [pos("Consultant en recrutement senior", "Mobilis RH", "11-50", "2019-01")],
  tune2=True, R=(0, "recruteur du secteur : pas un acheteur"))
q("Léa", "Chevalier", "Angers, Pays de la Loire, France", "France", "Higher Education",
  "Étudiante en Master Revenue Management & Tourisme | à la recherche d'une alternance en pricing",
  "",
  ["Excel", "Revenue Management", "Anglais"],
  [pos("Étudiante", "Université d'Angers - ESTHUA", "1001-5000", "2024-09", etype=None),
   pos("Stagiaire yield", "Ouest Camping-Cars Location", "11-50", "2024-04", "2024-07", etype="Internship")],
  tune2=True, R=(0, "étudiante, stage terminé chez un loueur : pas d'achat"))
q("Gérard", "Moulin", "Biarritz, Nouvelle-Aquitaine, France", "France", "Travel Arrangements",
  "Ancien Directeur Général d'Europe Location Sud · Retraité · golf & pelote basque",
  "35 ans dans la location de voitures. Aujourd'hui à la retraite.",
  ["Direction générale", "Location de véhicules"],
  [pos("Directeur Général", "Europe Location Sud", "201-500", "2001-01")],
  tune2=True, R=(0, "DG retraité (poste jamais clos) : plus d'acheteur"))
q("Lucas", "Pieri", "Bastia, Corse, France", "France", "Consumer Services",
  "Agent de location saisonnier (été 2025) | étudiant en BTS Tourisme",
  None, None,
  [pos("Agent de location saisonnier", "Corsica Auto Loc", "11-50", "2025-06", "2025-09", etype="Seasonal"),
   pos("Étudiant BTS Tourisme", "Lycée Jean Nicoli", "51-200", "2024-09", etype=None)],
  tune2=True, R=(0, "saisonnier au comptoir : aucun rôle dans les prix"))
q("Aurore", "Lemoine", "Paris, Île-de-France, France", "France", "Retail",
  "Pricing Manager E-commerce | Vendomax (high-tech & électroménager)",
  "Pricing dynamique de 80 000 références face à la concurrence en ligne.",
  ["Pricing", "E-commerce", "Python"],
  [pos("Pricing Manager", "Vendomax", "1001-5000", "2021-01")],
  tune2=True, R=(0, "pricing du commerce en ligne de produits : rien à voir avec la location"))
q("Pierre-Yves", "Le Goff", "Niort, Nouvelle-Aquitaine, France", "France", "Insurance",
  "Actuaire Tarification Auto | Mutuelle de l'Ouest",
  "",
  ["Actuariat", "Tarification", "GLM", "R"],
  [pos("Actuaire tarification automobile", "Mutuelle de l'Ouest", "1001-5000", "2018-09")],
  tune2=True, R=(0, "tarification d'assurance auto : les mots « tarification » et « auto », pas la location"))
q("Damien", "Charpentier", "Reims, Grand Est, France", "France", "Retail Motor Vehicles",
  "Directeur commercial VN/VO | Concession Champagne Automobiles",
  "Vente de véhicules neufs et d'occasion, 2 sites, 40 collaborateurs.",
  ["Vente automobile", "Management commercial"],
  [pos("Directeur commercial VN/VO", "Champagne Automobiles", "11-50", "2017-01")],
  tune2=True, R=(0, "concession qui vend des voitures : ni location ni tarification de location"))
q("Sylvain", "Roux", "Grenoble, Auvergne-Rhône-Alpes, France", "France", "Software Development",
  "Développeur full-stack · je loue mes 3 voitures sur les plateformes entre particuliers le week-end 🚙",
  "",
  ["JavaScript", "React", "Node.js"],
  [pos("Développeur full-stack", "Alpisoft", "51-200", "2020-01"),
   pos("Loueur particulier", "Indépendant", None, "2022-05", etype="Self-employed")],
  tune2=True, R=(0, "trois voitures louées le week-end à côté d'un emploi de développeur : pas un loueur"))
q("Margaux", "Blanc", "Paris, Île-de-France, France", "France", "Technology, Information and Internet",
  "Partnerships Manager France | Rentacompare (comparateur de location de voitures)",
  "Je gère nos partenariats avec les loueurs français : contrats, commissions, visibilité.",
  ["Partenariats", "Négociation", "Tourisme"],
  [pos("Partnerships Manager France", "Rentacompare", "201-500", "2021-11")],
  tune2=True, R=(0, "comparateur de location : partenaire commercial des loueurs, l'ICP l'exclut"))
q("Hugo", "Mercier", "Paris, Île-de-France, France", "France", "Software Development",
  "Revenue Manager | RevOps @ Flowdesk SaaS",
  "Pipeline, forecast, CRM et prévisions de revenus récurrents pour notre équipe commerciale.",
  ["RevOps", "Salesforce", "Forecast"],
  [pos("Revenue Manager", "Flowdesk", "51-200", "2022-04")],
  tune2=True, R=(0, "« Revenue Manager » au sens RevOps d'un éditeur SaaS : aucun prix de location"))
q("Nadia", "Benali", "Lyon, Auvergne-Rhône-Alpes, France", "France", "Travel Arrangements",
  "Comptable | Rhône Location",
  None, None,
  [pos("Comptable", "Rhône Location", "51-200", "2015-01")],
  tune2=True, R=(0, "comptable chez un loueur : mauvaise fonction"))

# ------------------------------------------------ earlier tune people
tune2("oliver-schmidt",
      R=(0, "croissance chez un éditeur de télématique de flotte (Flotte GmbH) : ni loueur ni tarifs"))
tune2("antoine-mercier",
      R=(0, "DRH d'un groupe hôtelier : autre secteur et autre fonction"))
