/**
 * Month names (full and abbreviated) in EN, DE, FR, ES, IT, NL and PT, lower-case, with
 * their number; and the words that make a date personal, or mark it as a birth date.
 */
export const MONTHS: Readonly<Record<string, number>> = {
  // English
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // German
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12, mär: 3, mrz: 3, okt: 10, dez: 12,
  // French
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11,
  décembre: 12, decembre: 12, janv: 1, févr: 2, fév: 2, avr: 4, juil: 7, déc: 12,
  // Spanish
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10,
  noviembre: 11, diciembre: 12, ene: 1, abr: 4, ago: 8, dic: 12,
  // Italian
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12, gen: 1, mag: 5, giu: 6,
  lug: 7, set: 9, ott: 10,
  // Dutch
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8, mrt: 3,
  // Portuguese
  janeiro: 1, fevereiro: 2, março: 3, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  fev: 2, out: 10, // "dez" is listed under German
};

/** Events in a person's life that a date pins down: hospital stays, appointments, employment. */
export const PERSONAL_EVENT_CONTEXT = [
  // English
  'admission', 'admitted', 'admit date', 'discharge', 'discharged', 'appointment', 'appt', 'visit', 'visited', 'surgery', 'operation',
  'procedure', 'hospitalized', 'hospitalised', 'hired', 'hire date', 'date of hire', 'start date', 'started on', 'joined', 'onboarding',
  'termination', 'terminated', 'termination date', 'end date', 'last day', 'last working day', 'resignation', 'resigned', 'dismissed',
  'dismissal', 'leave', 'sick leave', 'maternity leave', 'parental leave', 'absence', 'absent', 'follow-up', 'consultation', 'check-up',
  'treatment', 'injury', 'accident', 'vaccination', 'examination',
  // German
  'aufnahme', 'aufgenommen', 'termin', 'entlassung', 'entlassen', 'eintrittsdatum', 'eintritt', 'austrittsdatum', 'austritt', 'kündigung',
  'gekündigt', 'kündigungsdatum', 'letzter arbeitstag', 'krankmeldung', 'krankgeschrieben', 'arbeitsunfähig', 'arbeitsunfähigkeit',
  'urlaub', 'elternzeit', 'mutterschutz', 'operation', 'eingriff', 'behandlung', 'untersuchung', 'besuch', 'einstellung', 'eingestellt',
  'arbeitsbeginn', 'beschäftigungsbeginn', 'vertragsende',
  // French
  'admis', 'admise', 'rendez-vous', 'rdv', 'sortie', 'hospitalisation', 'hospitalisé', 'hospitalisée', "date d'embauche", 'embauche',
  'embauché', 'embauchée', 'licenciement', 'licencié', 'licenciée', 'démission', 'arrêt maladie', 'arrêt de travail', 'congé',
  'congé maladie', 'congé maternité', 'visite', 'opération', 'intervention', 'dernier jour', 'date de fin', 'fin de contrat',
  "date d'entrée", 'date de sortie',
  // Spanish
  'ingreso', 'ingresó', 'ingresado', 'ingresada', 'cita', 'alta', 'fecha de alta', 'fecha de contratación', 'contratación', 'contratado',
  'contratada', 'despido', 'baja', 'baja médica', 'baja laboral', 'visita', 'consulta', 'cirugía', 'operación', 'intervención',
  'último día', 'fecha de baja', 'incorporación', 'vacaciones', 'permiso', 'fecha de ingreso', 'fin de contrato',
  // Italian
  'ricovero', 'ricoverato', 'ricoverata', 'appuntamento', 'dimissione', 'dimissioni', 'dimesso', 'dimessa', 'data di assunzione',
  'assunzione', 'assunto', 'assunta', 'licenziamento', 'intervento', 'malattia', 'congedo', 'ferie', 'ultimo giorno', 'cessazione',
  'data di cessazione', 'operazione',
  // Dutch
  'opname', 'opgenomen', 'afspraak', 'ontslag', 'ontslagen', 'datum in dienst', 'in dienst', 'uit dienst', 'datum uit dienst',
  'ziekmelding', 'ziek gemeld', 'ziekteverlof', 'verlof', 'bezoek', 'operatie', 'ingreep', 'laatste werkdag', 'consult', 'behandeling',
  'zwangerschapsverlof',
  // Portuguese
  'internação', 'internamento', 'internado', 'internada', 'data de alta', 'data de admissão', 'admissão', 'admitido', 'admitida',
  'contratação', 'demissão', 'demitido', 'demitida', 'rescisão', 'cirurgia', 'licença', 'licença médica', 'baixa médica', 'último dia',
  'férias', 'atestado', 'operação', 'data de saída',
];

/**
 * Labels of a birth date. A date right after one is DATE_OF_BIRTH (another detector's),
 * so the pattern consumes it without reporting.
 */
export const BIRTH_LABELS = [
  'date of birth', 'birth date', 'birthdate', 'birthday', 'd.o.b.', 'dob', 'born on', 'born',
  'geburtsdatum', 'geburtstag', 'geboren am', 'geboren', 'geb.',
  'date de naissance', 'né le', 'née le', 'née', 'né', 'naissance',
  'fecha de nacimiento', 'f. nac.', 'nacido el', 'nacida el', 'nacido', 'nacida', 'nacimiento', 'cumpleaños',
  'data di nascita', 'nato il', 'nata il', 'nato', 'nata', 'nascita', 'compleanno',
  'geboortedatum', 'geboren op', 'verjaardag',
  'data de nascimento', 'nascido em', 'nascida em', 'nascido', 'nascida', 'nascimento', 'aniversário',
];
