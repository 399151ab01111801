/**
 * Family names, grouped by language, written with their diacritics. Particles ("van",
 * "de", "von", "dos") are matched separately, so "van den Berg" is listed as "Berg".
 * Synthetic reference data, not a list of real people.
 *
 * A surname here is strong: any capitalised word in front of it, mid-sentence, is taken as
 * a given name. Surnames that are also everyday words or places belong in
 * AMBIGUOUS_SURNAMES instead.
 */
export const SURNAMES: readonly string[] = [
  // English, Irish, Scottish, Welsh
  'Smith', 'Johnson', 'Williams', 'Jones', 'Davis', 'Miller', 'Wilson', 'Moore', 'Taylor', 'Anderson',
  'Jackson', 'Harris', 'Thompson', 'Robinson', 'Clark', 'Lewis', 'Walker', 'Allen', 'Wright', 'Scott',
  'Adams', 'Baker', 'Nelson', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Evans', 'Edwards',
  'Collins', 'Stewart', 'Morris', 'Rogers', 'Murphy', 'Bailey', 'Cooper', 'Richardson', 'Howard', 'Ward',
  'Peterson', 'Watson', 'Brooks', 'Kelly', 'Sanders', 'Bennett', 'Barnes', 'Henderson', 'Coleman',
  'Jenkins', 'Perry', 'Powell', 'Patterson', 'Hughes', 'Butler', 'Simmons', 'Foster', 'Bryant', 'Griffin',
  'Hayes', 'Myers', 'Hamilton', 'Graham', 'Sullivan', 'Wallace', 'Owens', 'Reynolds', 'Fisher', 'Ellis',
  'Harrison', 'Gibson', 'McDonald', 'MacDonald', 'Freeman', 'Wells', 'Webb', 'Simpson', 'Stevens',
  'Tucker', 'Crawford', 'Boyd', 'Kennedy', 'Warren', 'Dixon', 'Burns', 'Gordon', 'Holmes', 'Robertson',
  'Daniels', 'Palmer', 'Nichols', 'Ferguson', 'Hawkins', 'Perkins', 'Hudson', 'Spencer', 'Gardner',
  'Stephens', 'Matthews', 'Willis', 'Watkins', 'Olson', 'Carroll', 'Duncan', 'Snyder', 'Cunningham',
  'Bradley', 'Andrews', 'Armstrong', 'Carpenter', 'Weaver', 'Greene', 'Elliott', 'Sims', 'Kelley',
  'Lawson', "O'Brien", "O'Connor", "O'Neill", "O'Sullivan", 'Byrne', 'Walsh', 'Doyle', 'McCarthy',
  'Kavanagh', 'Quinn', 'Fitzgerald', 'MacLeod', 'Thomson', 'Davies', 'Lloyd', 'Griffiths', 'Pritchard',
  'Jenkinson', 'Atkinson', 'Whitaker', 'Fletcher', 'Chapman', 'Harper', 'Marsh', 'Lowe', 'Gallagher',
  // German, Austrian, Swiss
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Meier', 'Wagner', 'Becker', 'Schulz',
  'Hoffmann', 'Schäfer', 'Bauer', 'Richter', 'Schröder', 'Neumann', 'Zimmermann', 'Krüger', 'Hofmann',
  'Hartmann', 'Schmitt', 'Schmitz', 'Krause', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler',
  'Herrmann', 'Mayer', 'Huber', 'Scholz', 'Möller', 'Schubert', 'Günther', 'Berger', 'Winkler', 'Lorenz',
  'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Böhm', 'Kraus', 'Schumacher', 'Krämer', 'Vogt', 'Jäger',
  'Seidel', 'Brandt', 'Haas', 'Schreiber', 'Schulte', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl',
  'Bergmann', 'Voigt', 'Sauer', 'Wolff', 'Pfeiffer', 'Gruber', 'Steiner', 'Moser', 'Hofer', 'Brunner',
  'Lehner', 'Egger', 'Bachmann', 'Gerber', 'Keller', 'Weiß', 'Weiss', 'Beck', 'Hahn', 'Friedrich',
  'Heinrich', 'Ludwig', 'Werner', 'Walter', 'Peters', 'Arnold',
  // French, Belgian
  'Dubois', 'Durand', 'Leroy', 'Moreau', 'Lefebvre', 'Bertrand', 'Roux', 'Fournier', 'Morel', 'Girard',
  'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Guérin',
  'Roussel', 'Perrin', 'Morin', 'Gauthier', 'Dumont', 'Fontaine', 'Chevalier', 'Masson', 'Boyer',
  'Lemaire', 'Duval', 'Gautier', 'Meunier', 'Marchand', 'Dufour', 'Blanchard', 'Barbier', 'Dumas',
  'Brunet', 'Leroux', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Bourgeois',
  'Renaud', 'Lemoine', 'Picard', 'Gaillard', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis', 'Jaurès', 'Peeters',
  'Janssens', 'Maes', 'Claes', 'Goossens', 'Wouters', 'Martin', 'Bernard', 'Petit', 'Laurent', 'Michel',
  'Mathieu', 'Clément', 'Dumont',
  // Spanish, Latin American
  'García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez',
  'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez',
  'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Ramírez', 'Serrano', 'Molina', 'Morales',
  'Suárez', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez', 'Iglesias',
  'Medina', 'Garrido', 'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Prieto', 'Méndez', 'Calvo',
  'Gallego', 'Herrera', 'Márquez', 'Cabrera', 'Fuentes', 'Carrasco', 'Caballero', 'Reyes', 'Nieto',
  'Aguilar', 'Pascual', 'Santana', 'Herrero', 'Montero', 'Hidalgo', 'Giménez', 'Ibáñez', 'Ferrer', 'Durán',
  'Benítez', 'Vicente', 'Vargas', 'Arias', 'Carmona', 'Crespo', 'Román', 'Velasco', 'Soler', 'Esteban',
  'Gallardo', 'Rojas', 'Flores', 'Rivera', 'Gonzales', 'Chavez', 'Mendoza', 'Salazar', 'Espinoza',
  // Italian
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Conti', 'Luca', 'Mancini', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana',
  'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Longo', 'Martinelli',
  'Vitale', 'Lombardo', 'Coppola', 'Santis', "D'Angelo", 'Marchetti', 'Parisi', 'Ferraro', 'Ferri',
  'Fabbri', 'Marini', 'Valentini', 'Messina', 'Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Farina',
  'Rizzi', 'Monti', 'Cattaneo', 'Morelli', 'Amato', 'Silvestri', 'Pellegrino', 'Giuliani', 'Benedetti',
  'Rossetti', 'Caputo', 'Montanari', 'Palmieri', 'Bernardi', 'Ferretti', 'Bellini', 'Basile', 'Donati',
  'Piras', 'Vitali', 'Battaglia', 'Sartori', 'Costantini', 'Milani', 'Pagano', 'Ruggiero', 'Sorrentino',
  "D'Amico", 'Bruno', 'Gallo', 'Costa',
  // Dutch (the part after the particle)
  'Jong', 'Jansen', 'Janssen', 'Vries', 'Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Groot',
  'Hendriks', 'Leeuwen', 'Dekker', 'Brouwer', 'Dijkstra', 'Smits', 'Graaf', 'Linden', 'Jacobs',
  'Vermeulen', 'Heuvel', 'Veen', 'Broek', 'Bruijn', 'Heijden', 'Schouten', 'Willems', 'Vliet', 'Hoekstra',
  'Verhoeven', 'Koster', 'Huisman', 'Boer', 'Haan', 'Beek', 'Kuipers', 'Vos', 'Bos', 'Maas', 'Prins',
  // Portuguese, Brazilian
  'Silva', 'Ferreira', 'Pereira', 'Oliveira', 'Rodrigues', 'Martins', 'Sousa', 'Souza', 'Fernandes',
  'Gonçalves', 'Gomes', 'Lopes', 'Marques', 'Alves', 'Almeida', 'Ribeiro', 'Pinto', 'Carvalho', 'Teixeira',
  'Moreira', 'Correia', 'Mendes', 'Nunes', 'Soares', 'Vieira', 'Monteiro', 'Cardoso', 'Neves', 'Coelho',
  'Cunha', 'Pires', 'Simões', 'Antunes', 'Matos', 'Fonseca', 'Machado', 'Araújo', 'Barbosa', 'Tavares',
  'Azevedo', 'Nascimento', 'Moura', 'Freitas', 'Cavalcanti', 'Barros',
  // Nordic, Finnish, Icelandic
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nielsen', 'Kristiansen', 'Jensen',
  'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Haugen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Sørensen', 'Rasmussen', 'Christensen', 'Poulsen', 'Knudsen',
  'Mortensen', 'Møller', 'Madsen', 'Kristensen', 'Johansson', 'Andersson', 'Karlsson', 'Nilsson',
  'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson',
  'Jansson', 'Hansson', 'Bengtsson', 'Lindberg', 'Lindqvist', 'Lindgren', 'Berglund', 'Lundberg',
  'Sandberg', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Lindström', 'Åberg', 'Öberg', 'Korhonen',
  'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen',
  'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Kierkegaard', 'Jónsson',
  'Sigurðsson', 'Guðmundsdóttir',
  // Polish, Czech, Slavic, Hungarian, Romanian, Balkan, Greek
  'Nowak', 'Kowalski', 'Kowalska', 'Wiśniewski', 'Wiśniewska', 'Wójcik', 'Kowalczyk', 'Kamiński',
  'Kamińska', 'Lewandowski', 'Lewandowska', 'Zieliński', 'Zielińska', 'Szymański', 'Woźniak', 'Dąbrowski',
  'Kozłowski', 'Jankowski', 'Mazur', 'Wojciechowski', 'Kwiatkowski', 'Krawczyk', 'Kaczmarek',
  'Piotrowski', 'Grabowski', 'Zając', 'Pawłowski', 'Michalski', 'Wieczorek', 'Jabłoński', 'Wróbel',
  'Nowakowski', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski', 'Jaworski', 'Adamczyk', 'Dudek',
  'Nowicki', 'Pawlak', 'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Rutkowski', 'Michalak', 'Szewczyk',
  'Ostrowski', 'Tomaszewski', 'Pietrzak', 'Zalewski', 'Wróblewski', 'Novák', 'Novak', 'Svoboda',
  'Novotný', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Ivanov', 'Ivanova',
  'Petrov', 'Petrova', 'Smirnov', 'Smirnova', 'Kuznetsov', 'Kuznetsova', 'Popov', 'Popova', 'Sokolov',
  'Volkov', 'Kozlov', 'Novikov', 'Morozov', 'Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko',
  'Horváth', 'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Varga', 'Molnár', 'Németh', 'Farkas', 'Popescu',
  'Ionescu', 'Dumitru', 'Stoica', 'Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đorđević',
  'Kovačević', 'Horvat', 'Babić', 'Papadopoulos', 'Papadakis', 'Georgiou', 'Nikolaidis', 'Oikonomou',
  // Turkish
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir',
  'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Koç', 'Özkan', 'Şimşek', 'Polat', 'Korkmaz', 'Erdoğan',
  'Güneş', 'Aksoy', 'Acar', 'Tekin', 'Bulut', 'Erdem', 'Yavuz', 'Avcı', 'Ünal', 'Güler', 'Özer',
  // Arabic, Persian, Pakistani, Maghreb
  'Haddad', 'Khoury', 'Mansour', 'Nasser', 'Hamdan', 'Saleh', 'Salem', 'Aziz', 'Rahman', 'Abbas',
  'Qureshi', 'Siddiqui', 'Sheikh', 'Malik', 'Khan', 'Chaudhry', 'Iqbal', 'Farouk', 'Hamid', 'Nassar',
  'Darwish', 'Ghanem', 'Jaber', 'Al-Farsi', 'Al-Rashid', 'El-Sayed', 'Al-Amin', 'Al-Masri', 'Al-Hashimi',
  'Alami', 'Benali', 'Bennani', 'Idrissi', 'Amrani', 'Tazi', 'Hosseini', 'Ahmadi', 'Karimi', 'Rezaei',
  'Mohammadi', 'Tehrani',
  // Indian, Sri Lankan
  'Sharma', 'Verma', 'Gupta', 'Singh', 'Kumar', 'Patel', 'Mehta', 'Joshi', 'Reddy', 'Nair', 'Menon',
  'Pillai', 'Iyer', 'Iyengar', 'Krishnan', 'Subramanian', 'Chatterjee', 'Banerjee', 'Mukherjee', 'Ghosh',
  'Dutta', 'Chopra', 'Kapoor', 'Malhotra', 'Khanna', 'Agarwal', 'Aggarwal', 'Bhat', 'Desai', 'Kulkarni',
  'Deshpande', 'Patil', 'Pandey', 'Mishra', 'Tiwari', 'Yadav', 'Chauhan', 'Thakur', 'Saxena', 'Srivastava',
  'Sinha', 'Naidu', 'Chowdhury', 'Bhattacharya', 'Ahuja', 'Bansal', 'Goyal', 'Mittal', 'Sethi', 'Arora',
  'Sandhu', 'Dhillon', 'Grewal', 'Raman', 'Venkataraman', 'Ramanathan', 'Perera', 'Fernando',
  // Chinese, Taiwanese, Hong Kong, Singaporean
  'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Zhou', 'Zhu', 'Guo', 'Gao', 'Luo', 'Zheng',
  'Liang', 'Xie', 'Tang', 'Feng', 'Deng', 'Cao', 'Peng', 'Zeng', 'Xiao', 'Tian', 'Dong', 'Yuan', 'Cai',
  'Jiang', 'Cheng', 'Ding', 'Shen', 'Yao', 'Chan', 'Wong', 'Cheung', 'Leung', 'Lau', 'Tan', 'Lim', 'Teo',
  'Goh', 'Chua', 'Ong', 'Koh', 'Tsai', 'Hsu', 'Chang', 'Chiu', 'Kwok', 'Tse', 'Yip',
  // Japanese
  'Sato', 'Satō', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Itō', 'Yamamoto', 'Nakamura',
  'Kobayashi', 'Kato', 'Katō', 'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura',
  'Hayashi', 'Shimizu', 'Yamazaki', 'Ikeda', 'Hashimoto', 'Yamashita', 'Ishikawa', 'Nakajima', 'Maeda',
  'Fujita', 'Ogawa', 'Goto', 'Okada', 'Hasegawa', 'Murakami', 'Kondo', 'Ishii', 'Saito', 'Sakamoto',
  'Endo', 'Aoki', 'Fujii', 'Nishimura', 'Fukuda', 'Miura', 'Okamoto', 'Matsuda', 'Nakagawa',
  // Korean
  'Choi', 'Jeong', 'Kang', 'Yoon', 'Jang', 'Kwon', 'Hwang', 'Ahn', 'Jeon', 'Baek', 'Seo', 'Shin', 'Cho',
  // Vietnamese
  'Nguyen', 'Nguyễn', 'Tran', 'Trần', 'Pham', 'Phạm', 'Hoang', 'Huynh', 'Phan', 'Dang', 'Bui', 'Ngo',
  'Duong',
  // Hebrew, Yiddish
  'Cohen', 'Levi', 'Levy', 'Mizrahi', 'Peretz', 'Friedman', 'Goldberg', 'Katz', 'Shapiro', 'Rosenberg',
  'Goldstein',
  // African
  'Okafor', 'Okonkwo', 'Adeyemi', 'Mensah', 'Nkosi', 'Dlamini', 'Mokoena', 'Ndlovu', 'Abubakar', 'Kamau',
  'Otieno', 'Mwangi', 'Diallo', 'Traoré', 'Diop', 'Ndiaye', 'Okeke', 'Boateng', 'Asante',
];

/**
 * Surnames that are also everyday words, colours, places or short syllables ("Brown",
 * "Park", "King", "Costa", "He"). They support a name found by other means but never make
 * one on their own.
 */
export const AMBIGUOUS_SURNAMES: readonly string[] = [
  'Brown', 'White', 'Black', 'Green', 'Gray', 'Grey', 'Young', 'King', 'Hill', 'Hall', 'Wood', 'Woods',
  'Long', 'Cook', 'Bell', 'Stone', 'West', 'Rice', 'Hunt', 'Price', 'Park', 'Ford', 'Lane', 'Reed', 'Fox',
  'Hart', 'Rose', 'Moon', 'Song', 'Hong', 'Nam', 'Oh', 'Ko', 'Bae', 'Han', 'Lee', 'Kim', 'Li', 'Wu', 'Xu',
  'Sun', 'Ma', 'Hu', 'He', 'Lu', 'Yu', 'Du', 'Ye', 'Su', 'Ho', 'Ng', 'Le', 'Lê', 'Vu', 'Vo', 'Do', 'Ly',
  'Jung', 'Klein', 'Lang', 'Wolf', 'Fuchs', 'Vogel', 'Winter', 'Sommer', 'Engel', 'Horn', 'Busch', 'Stein',
  'König', 'Kaiser', 'Graf', 'Roth', 'Schwarz', 'Braun', 'Koch', 'Berg', 'Kok', 'Blom', 'Said', 'Mora',
  'Villa', 'Rocha', 'Lima', 'Serra', 'Vega', 'Bravo', 'Parra', 'Cruz', 'León', 'Leon', 'Campos', 'Reis',
  'Cano', 'Gil', 'Peña', 'Blanco', 'Blanc', 'Brun', 'Roy', 'Joly', 'Roche', 'Noël', 'Leone', 'Gentile',
  'Testa', 'Guerra', 'Fiore', 'Neri', 'Riva', 'Conte', 'Sala', 'Grasso', 'Monti', 'Mazur', 'Król', 'Baran',
  'Kiss', 'Stan', 'Popa', 'Radu', 'Kara', 'Kurt', 'Hassan', 'Mahmoud', 'Ibrahim', 'Abdullah', 'Karim',
  'Shah', 'Jain', 'Das', 'Sen', 'Bose', 'Gill', 'Rao', 'Mori', 'Abe', 'Ota', 'Lin', 'Pan', 'Tao', 'Ren',
  'Weiss', 'Thomas', 'James', 'Henry', 'Marshall', 'Hunter', 'Porter', 'Mason', 'Grant', 'Knight', 'Payne',
  'Miles', 'Jordan', 'Austin', 'Washington', 'Lucas', 'Simon', 'Richard', 'Robert', 'David', 'Nicolas',
  'Jean', 'Pierre', 'Denis', 'Marie', 'Philippe', 'Olivier', 'Vincent', 'Roger', 'Otto', 'Alexander',
  'Russell', 'Lawrence', 'Franklin', 'Owen', 'Frank', 'Carter', 'Parker', 'Morgan', 'Murray', 'Gordon',
];
