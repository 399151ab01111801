/**
 * Given names, grouped by language. Written as people write them (with diacritics); the
 * gazetteer adds ASCII-folded ("Jose", "Soren") and German-transliterated ("Juergen") forms
 * and ALL-CAPS forms itself. Synthetic reference data, not a list of real people.
 *
 * A name here is strong: a strong first name followed by any capitalised word is taken as a
 * person. Names that are also ordinary words, months or places belong in
 * AMBIGUOUS_FIRST_NAMES instead.
 */
export const FIRST_NAMES: readonly string[] = [
  // English
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles',
  'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Donald', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth',
  'Kevin', 'Brian', 'George', 'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Gary',
  'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin', 'Samuel',
  'Gregory', 'Alexander', 'Patrick', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Henry', 'Adam', 'Douglas',
  'Nathan', 'Peter', 'Zachary', 'Kyle', 'Walter', 'Harold', 'Jeremy', 'Ethan', 'Carl', 'Keith', 'Roger',
  'Gerald', 'Terry', 'Sean', 'Arthur', 'Noah', 'Lawrence', 'Jesse', 'Joe', 'Bryan', 'Billy', 'Bruce',
  'Albert', 'Gabriel', 'Logan', 'Alan', 'Wayne', 'Ralph', 'Randy', 'Eugene', 'Vincent', 'Russell', 'Elijah',
  'Louis', 'Bobby', 'Philip', 'Johnny', 'Oliver', 'Liam', 'Lucas', 'Mason', 'Harry', 'Charlie', 'Oscar',
  'Leo', 'Theodore', 'Isaac', 'Owen', 'Connor', 'Dylan', 'Luke', 'Tim', 'Tom', 'Sam', 'Ben', 'Steve',
  'Mike', 'Chris', 'Matt', 'Dave', 'Jim', 'Jeff', 'Greg', 'Tony', 'Kate', 'Katie', 'Liz', 'Jenny',
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Lisa', 'Nancy', 'Betty', 'Margaret', 'Sandra', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle',
  'Amanda', 'Dorothy', 'Melissa', 'Deborah', 'Stephanie', 'Rebecca', 'Sharon', 'Laura', 'Cynthia',
  'Kathleen', 'Amy', 'Angela', 'Shirley', 'Anna', 'Brenda', 'Pamela', 'Emma', 'Nicole', 'Helen', 'Samantha',
  'Katherine', 'Christine', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Catherine', 'Maria', 'Heather', 'Diane',
  'Ruth', 'Julie', 'Olivia', 'Joyce', 'Kelly', 'Lauren', 'Christina', 'Joan', 'Evelyn', 'Judith', 'Megan',
  'Andrea', 'Cheryl', 'Hannah', 'Jacqueline', 'Martha', 'Gloria', 'Teresa', 'Ann', 'Sara', 'Frances',
  'Kathryn', 'Janice', 'Jean', 'Abigail', 'Alice', 'Judy', 'Sophia', 'Julia', 'Chloe', 'Isabella', 'Ava',
  'Mia', 'Charlotte', 'Amelia', 'Ella', 'Zoe', 'Zoë', 'Natalie', 'Sophie', 'Lucy', 'Ellie', 'Molly', 'Jane',
  'Claire', 'Sean', 'Siobhan', 'Niamh', 'Aoife', 'Ciara', 'Eoin', 'Cian', 'Declan', 'Fiona', 'Rhys', 'Gareth',
  'Dafydd', 'Ewan', 'Alasdair', 'Morag', 'Kirsty',
  // German
  'Hans', 'Jürgen', 'Klaus', 'Wolfgang', 'Dieter', 'Günter', 'Günther', 'Horst', 'Helmut', 'Uwe', 'Manfred',
  'Werner', 'Gerhard', 'Heinz', 'Karl', 'Friedrich', 'Fritz', 'Ulrich', 'Stefan', 'Andreas', 'Markus',
  'Matthias', 'Sebastian', 'Florian', 'Tobias', 'Lukas', 'Jonas', 'Felix', 'Maximilian', 'Moritz', 'Niklas',
  'Jan', 'Leon', 'Finn', 'Lars', 'Sven', 'Torsten', 'Jörg', 'Björn', 'Dirk', 'Ralf', 'Rolf', 'Bernd',
  'Holger', 'Volker', 'Rainer', 'Hartmut', 'Joachim', 'Otto', 'Ludwig', 'Heinrich', 'Wilhelm', 'Ursula',
  'Helga', 'Gisela', 'Ingrid', 'Brigitte', 'Renate', 'Monika', 'Petra', 'Sabine', 'Claudia', 'Susanne',
  'Stefanie', 'Katharina', 'Anja', 'Nadine', 'Birgit', 'Heike', 'Kerstin', 'Silke', 'Anke', 'Jutta',
  'Gabriele', 'Karin', 'Elke', 'Lena', 'Leonie', 'Lea', 'Marie', 'Hanna', 'Emilia', 'Greta', 'Frieda',
  'Anneliese', 'Hildegard', 'Gertrud', 'Liselotte', 'Franziska', 'Johanna', 'Mareike', 'Wiebke', 'Svenja',
  'Jana', 'Jens', 'Kai', 'Timo', 'Nico', 'Benedikt', 'Konstantin', 'Vanessa', 'Ute', 'Doris', 'Bärbel',
  // French
  'Pierre', 'Michel', 'Philippe', 'Alain', 'Nicolas', 'Christophe', 'Laurent', 'Frédéric', 'François',
  'Éric', 'Olivier', 'Stéphane', 'Sébastien', 'Julien', 'Guillaume', 'Antoine', 'Mathieu', 'Thierry',
  'Benoît', 'Jérôme', 'Céline', 'Aurélie', 'Sylvie', 'Nathalie', 'Isabelle', 'Françoise', 'Monique',
  'Camille', 'Chloé', 'Manon', 'Léa', 'Margaux', 'Élodie', 'Amélie', 'Hélène', 'Mathilde', 'Clémence',
  'Geneviève', 'Véronique', 'Dominique', 'Agnès', 'Josiane', 'Gaëlle', 'Noémie', 'Anaïs', 'Loïc', 'Gaël',
  'Hervé', 'René', 'Rémi', 'Théo', 'Hugo', 'Raphaël', 'Baptiste', 'Clément', 'Quentin', 'Maxime', 'Romain',
  'Jacques', 'Yves', 'Marcel', 'Gérard', 'Bernard', 'Didier', 'Marc', 'Étienne', 'Josée', 'Inès', 'Océane',
  // Spanish
  'José', 'Juan', 'Carlos', 'Luis', 'Javier', 'Miguel', 'Antonio', 'Manuel', 'Francisco', 'Pedro', 'Jesús',
  'Alejandro', 'Fernando', 'Sergio', 'Pablo', 'Jorge', 'Alberto', 'Raúl', 'Rubén', 'Diego', 'Álvaro',
  'Adrián', 'Iván', 'Óscar', 'Andrés', 'Ramón', 'Joaquín', 'Ignacio', 'Gonzalo', 'Mateo', 'Martín',
  'María', 'Carmen', 'Ana', 'Isabel', 'Lucía', 'Marta', 'Cristina', 'Paula', 'Elena', 'Raquel', 'Pilar',
  'Dolores', 'Rosa', 'Beatriz', 'Silvia', 'Sofía', 'Valentina', 'Camila', 'Daniela', 'Gabriela', 'Alejandra',
  'Guadalupe', 'Ximena', 'Nuria', 'Montserrat', 'Rocío', 'Ángela', 'Begoña', 'Consuelo', 'Concepción',
  'Agustín', 'Emilio', 'Enrique', 'Esteban', 'Rodrigo', 'Nicolás', 'Tomás', 'Víctor', 'Victor', 'Héctor',
  // Italian
  'Giuseppe', 'Giovanni', 'Mario', 'Luigi', 'Alessandro', 'Marco', 'Matteo', 'Lorenzo', 'Luca', 'Davide',
  'Simone', 'Federico', 'Riccardo', 'Stefano', 'Paolo', 'Roberto', 'Massimo', 'Fabio', 'Salvatore',
  'Vincenzo', 'Gianluca', 'Giorgio', 'Enrico', 'Emanuele', 'Niccolò', 'Giulia', 'Francesca', 'Chiara',
  'Federica', 'Alessandra', 'Martina', 'Elisa', 'Giorgia', 'Alessia', 'Paola', 'Roberta', 'Simona',
  'Antonella', 'Lucia', 'Giovanna', 'Maddalena', 'Beatrice', 'Ginevra', 'Ludovica', 'Pietro', 'Carlo',
  // Dutch and Flemish
  'Pieter', 'Johannes', 'Hendrik', 'Willem', 'Cornelis', 'Gerrit', 'Jeroen', 'Bram', 'Sander', 'Joost',
  'Ruben', 'Daan', 'Thijs', 'Koen', 'Wouter', 'Maarten', 'Sjoerd', 'Niels', 'Joris', 'Stijn', 'Henk',
  'Kees', 'Geert', 'Anouk', 'Sanne', 'Femke', 'Lotte', 'Eva', 'Fleur', 'Noor', 'Ilse', 'Marloes', 'Maaike',
  'Esther', 'Annemarie', 'Willemijn', 'Tess', 'Lieke', 'Mieke', 'Wim', 'Joep', 'Floor',
  // Portuguese and Brazilian
  'João', 'António', 'Paulo', 'Luís', 'Tiago', 'Rui', 'Nuno', 'Gonçalo', 'Bruno', 'Ricardo', 'Vítor',
  'Sérgio', 'Thiago', 'Rafael', 'Felipe', 'Guilherme', 'Leonardo', 'Gustavo', 'Matheus', 'Mariana',
  'Joana', 'Catarina', 'Sofia', 'Leonor', 'Francisca', 'Juliana', 'Fernanda', 'Patrícia', 'Larissa',
  'Letícia', 'Bruna', 'Conceição', 'Fátima', 'Fatima', 'Marcos', 'Rogério', 'Márcia', 'Luana',
  // Nordic
  'Søren', 'Anders', 'Henrik', 'Mikkel', 'Rasmus', 'Magnus', 'Mads', 'Morten', 'Jesper', 'Kasper', 'Bjørn',
  'Ole', 'Knut', 'Sigurd', 'Olav', 'Håkon', 'Erik', 'Gustav', 'Johan', 'Nils', 'Oskar', 'Axel', 'Emil',
  'Linnea', 'Astrid', 'Sigrid', 'Solveig', 'Kari', 'Liv', 'Ida', 'Freja', 'Frida', 'Maja', 'Elin', 'Sanna',
  'Annika', 'Birgitta', 'Åsa', 'Märta', 'Signe', 'Mette', 'Pernille', 'Helle', 'Kirsten', 'Dorthe', 'Aino',
  'Mikko', 'Juha', 'Jukka', 'Matti', 'Pekka', 'Antti', 'Tuomas', 'Ville', 'Päivi', 'Tuula', 'Sirpa',
  'Riikka', 'Ólafur', 'Sigrún', 'Guðrún', 'Jón', 'Thor', 'Ingrid', 'Karoliina',
  // Polish, Czech, Slavic, Hungarian, Romanian, Greek
  'Łukasz', 'Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Grzegorz', 'Jakub', 'Mateusz',
  'Rafał', 'Wojciech', 'Kamil', 'Maciej', 'Dariusz', 'Mariusz', 'Przemysław', 'Bartosz', 'Zbigniew',
  'Stanisław', 'Jerzy', 'Andrzej', 'Janusz', 'Agnieszka', 'Małgorzata', 'Katarzyna', 'Joanna', 'Magdalena',
  'Ewa', 'Dorota', 'Aleksandra', 'Zofia', 'Beata', 'Justyna', 'Karolina', 'Natalia', 'Weronika', 'Wiktoria',
  'Jadwiga', 'Grażyna', 'Bożena', 'Halina', 'Krystyna', 'Elżbieta', 'Jiří', 'Petr', 'Tomáš', 'Pavel',
  'Lukáš', 'Ondřej', 'Lenka', 'Tereza', 'Zuzana', 'Hana', 'Kateřina', 'Dmitri', 'Dmitry', 'Sergei', 'Sergey',
  'Ivan', 'Olga', 'Natasha', 'Tatiana', 'Svetlana', 'Irina', 'Ekaterina', 'Anastasia', 'Yulia', 'Vladimir',
  'Alexei', 'Mikhail', 'Nikolai', 'Andrei', 'Oleksandr', 'Dmytro', 'Bogdan', 'Nikola', 'Dragan', 'Goran',
  'Zoran', 'Marija', 'Ivana', 'Jelena', 'Mihai', 'Ioana', 'Gheorghe', 'István', 'László', 'Zoltán',
  'Gábor', 'Péter', 'Ferenc', 'Katalin', 'Erzsébet', 'Zsófia', 'Giorgos', 'Dimitris', 'Nikos',
  'Konstantinos', 'Ioannis', 'Eleni', 'Katerina',
  // Turkish
  'Mehmet', 'Mustafa', 'Ahmet', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Osman', 'Yusuf', 'Murat', 'Ömer',
  'Ramazan', 'Halil', 'Süleyman', 'Emre', 'Burak', 'Cem', 'Deniz', 'Elif', 'Zeynep', 'Ayşe', 'Fatma',
  'Emine', 'Hatice', 'Merve', 'Büşra', 'Esra', 'Özlem', 'Gülşen', 'Şule', 'Selin', 'Ebru', 'Aylin', 'Ceren',
  'Tuğba', 'Gökhan', 'Serkan', 'Oğuz', 'Barış', 'Kemal', 'Hakan', 'Volkan', 'Çağlar', 'Ertuğrul',
  // Arabic (common transliterations)
  'Mohammed', 'Mohamed', 'Muhammad', 'Mohammad', 'Ahmed', 'Ahmad', 'Mahmoud', 'Omar', 'Umar', 'Khalid',
  'Khaled', 'Hassan', 'Hussein', 'Hussain', 'Abdul', 'Abdullah', 'Abdulrahman', 'Youssef', 'Yousef',
  'Ibrahim', 'Ismail', 'Tariq', 'Karim', 'Samir', 'Nabil', 'Rashid', 'Walid', 'Faisal', 'Hamza', 'Bilal',
  'Amir', 'Ali', 'Aisha', 'Ayesha', 'Khadija', 'Maryam', 'Mariam', 'Zainab', 'Layla', 'Leila', 'Noura',
  'Nour', 'Amina', 'Salma', 'Yasmin', 'Yasmine', 'Huda', 'Rania', 'Samira', 'Farah', 'Dalia',
  // Persian and Hebrew
  'Reza', 'Mehdi', 'Hossein', 'Arash', 'Dariush', 'Shirin', 'Parisa', 'Nasrin', 'Yosef', 'Moshe', 'Avi',
  'Yael', 'Noa', 'Tamar', 'Shira', 'Eitan',
  // Indian
  'Rahul', 'Amit', 'Sanjay', 'Rajesh', 'Suresh', 'Ramesh', 'Vijay', 'Anil', 'Sunil', 'Ravi', 'Arjun',
  'Aditya', 'Rohit', 'Vikram', 'Deepak', 'Manoj', 'Ashok', 'Pradeep', 'Sandeep', 'Vivek', 'Nikhil', 'Karan',
  'Arun', 'Ajay', 'Rakesh', 'Mahesh', 'Ganesh', 'Srinivas', 'Venkatesh', 'Krishna', 'Prakash', 'Harish',
  'Naveen', 'Abhishek', 'Ankit', 'Gaurav', 'Saurabh', 'Varun', 'Siddharth', 'Anand', 'Priya', 'Pooja',
  'Neha', 'Anjali', 'Sunita', 'Anita', 'Kavita', 'Deepika', 'Divya', 'Shreya', 'Aishwarya', 'Lakshmi',
  'Meena', 'Rekha', 'Swati', 'Sneha', 'Nisha', 'Aarti', 'Pallavi', 'Shalini', 'Shweta', 'Ritu', 'Sonia',
  'Anushka', 'Kiran', 'Sanjana', 'Ananya', 'Isha', 'Aarav', 'Vihaan', 'Ishaan', 'Rajiv', 'Sachin',
  'Gurpreet', 'Harpreet', 'Manpreet', 'Jaspreet',
  // Chinese (pinyin and Cantonese romanisations)
  'Wei', 'Fang', 'Jing', 'Hui', 'Xiao', 'Yan', 'Lei', 'Jian', 'Ying', 'Xin', 'Hao', 'Jie', 'Ling',
  'Xiaoming', 'Xiaoling', 'Jianguo', 'Zhiwei', 'Yifan', 'Yiming', 'Zihan', 'Haoran', 'Yuxuan', 'Xinyi',
  'Jiahui', 'Qiang', 'Yong', 'Lihua', 'Meiling', 'Ka-ming', 'Wing', 'Siu',
  // Japanese (Hepburn)
  'Hiroshi', 'Takashi', 'Kenji', 'Yuki', 'Haruto', 'Sota', 'Yuto', 'Kenta', 'Daisuke', 'Takumi', 'Shota',
  'Satoshi', 'Kazuki', 'Naoki', 'Yusuke', 'Akira', 'Kaito', 'Riku', 'Sakura', 'Yui', 'Hina', 'Aoi', 'Yuna',
  'Haruka', 'Akiko', 'Yoko', 'Keiko', 'Tomoko', 'Naomi', 'Emi', 'Ayumi', 'Misaki', 'Kaori', 'Yumiko',
  // Korean (revised romanisation, hyphenated and joined)
  'Min-jun', 'Minjun', 'Seo-yeon', 'Seoyeon', 'Ji-hoon', 'Jihoon', 'Ji-woo', 'Jiwoo', 'Hyun-woo',
  'Seung-hoon', 'Jae-hyun', 'Dong-hyun', 'Sung-min', 'Ji-young', 'Eun-ji', 'Soo-jin', 'Hye-jin', 'Min-seo',
  'Ha-eun', 'Ji-ho', 'Yeon-woo',
  // Vietnamese, African and other
  'Minh', 'Anh', 'Linh', 'Thanh', 'Huong', 'Tuan', 'Duc', 'Hung', 'Trang', 'Kwame', 'Kofi', 'Chinedu',
  'Oluwaseun', 'Adebayo', 'Ngozi', 'Amara', 'Thabo', 'Sipho', 'Zanele', 'Nomvula', 'Aliyu', 'Fatou',
  'Mamadou', 'Moussa', 'Aminata',
];

/**
 * Given names that are also ordinary words, months, places or brands ("Will", "May",
 * "Grace", "Paris", "Mercedes"). They count as a name only next to a known surname or inside
 * a context cue ("Dear Grace", "Mr. Will ...").
 */
export const AMBIGUOUS_FIRST_NAMES: readonly string[] = [
  'Sue', 'Carol', 'Will', 'Mark', 'Bill', 'Grace', 'Hope', 'Art', 'May', 'June', 'April', 'August', 'Faith', 'Joy', 'Rose',
  'Summer', 'Autumn', 'Dawn', 'Ruby', 'Jack', 'Frank', 'Guy', 'Drew', 'Chase', 'Hunter', 'Pat', 'Rich',
  'Sunny', 'Angel', 'Amber', 'Crystal', 'Holly', 'Ivy', 'Iris', 'Lily', 'Daisy', 'Violet', 'Jade', 'Pearl',
  'Penny', 'Sandy', 'Rocky', 'Max', 'Miles', 'Dean', 'Earl', 'Page', 'Reed', 'Gene', 'Ray', 'Rob', 'Norm',
  'Parker', 'Jordan', 'Austin', 'Dallas', 'Sydney', 'Paris', 'Florence', 'Victoria', 'Virginia', 'Georgia',
  'Carolina', 'Santiago', 'Madison', 'Chelsea', 'Lincoln', 'India', 'Asia', 'Mercedes', 'Christian',
  'Esperanza', 'Can', 'Hong', 'Jun', 'Mei', 'Mai', 'Sky', 'Storm', 'Star', 'Sage', 'Harmony', 'Melody',
  'Patience', 'Charity', 'Honor', 'Justice', 'Destiny', 'Trinity', 'Nova', 'Luna', 'Stella', 'Bella', 'Eve',
  'Noel', 'Olive', 'Hazel', 'Alexa', 'Siri', 'Ada', 'Prince', 'Duke', 'Marshall', 'Clay', 'Glen', 'Dale',
  'Wade', 'Cliff', 'Lance', 'Ming', 'Tao', 'Lin', 'Saga', 'Al', 'Don', 'Kim', 'Lee', 'Per', 'Hala', 'Mona',
  'Rana', 'Ren', 'Bo', 'Jo', 'Robin', 'Carter', 'Taylor', 'Morgan', 'Harper', 'Aurora', 'Celeste',
];
