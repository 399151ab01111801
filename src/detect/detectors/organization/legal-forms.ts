/**
 * Legal-form suffixes that end a company name, as commonly printed. `STRONG` forms are
 * rare in prose; `SHORT` forms are also ordinary abbreviations (A/B test "AB", south-east
 * "SE", Las Vegas "NV", vinyl "LP"), so a company word must be nearby.
 */
export const STRONG_LEGAL_FORMS = [
  // German-speaking
  'GmbH & Co. KGaA', 'GmbH & Co. KG', 'GmbH & Co KG', 'GmbH & Co. OHG', 'AG & Co. KGaA', 'AG & Co. KG', 'SE & Co. KGaA', 'SE & Co. KG',
  'UG (haftungsbeschränkt)', 'gGmbH', 'GmbH', 'mbH', 'AG', 'KGaA', 'KG', 'OHG', 'GbR', 'e.K.', 'e.V.', 'eG', 'Ges.m.b.H.', 'GesmbH', 'UG',
  // French, Belgian, Swiss, Luxembourgish
  'S.A.S.U.', 'S.A.S.', 'SASU', 'S.A.R.L.', 'SARL', 'S.à r.l.', 'S.à.r.l.', 'Sàrl', 'EURL', 'S.C.A.', 'S.N.C.', 'SNC', 'SCI', 'SRL', 'SPRL', 'Sagl',
  // Spanish, Latin American
  'S.A. de C.V.', 'SA de CV', 'S.A.B. de C.V.', 'S. de R.L. de C.V.', 'S. de R.L.', 'S.A.', 'S.L.U.', 'S.L.', 'S.L.L.', 'S.Coop.', 'S.A.C.', 'S.A.A.', 'S.A.S', 'Ltda.', 'Ltda', 'S/A', 'EIRELI',
  // Italian
  'S.p.A.', 'SpA', 'S.r.l.', 'Srl', 'S.R.L.', 'S.r.l.s.', 'S.a.s.', 'S.n.c.', 'Soc. Coop.',
  // Dutch
  'B.V.', 'N.V.', 'V.O.F.', 'VOF', 'C.V.',
  // Portuguese
  'Lda.', 'Lda', 'Unipessoal Lda',
  // English-speaking and Asia-Pacific
  'Ltd.', 'Ltd', 'Limited', 'PLC', 'plc', 'P.L.C.', 'LLP', 'L.L.P.', 'LLC', 'L.L.C.', 'L.P.', 'Inc.', 'Inc', 'Incorporated', 'Corp.', 'Corp', 'Corporation',
  'Co., Ltd.', 'Co., Ltd', 'Co. Ltd.', 'Co. Ltd', 'Co.,Ltd.', 'Company Limited', 'Pty Ltd', 'Pty. Ltd.', 'Pty Limited', 'Pte Ltd', 'Pte. Ltd.', 'Pvt Ltd', 'Pvt. Ltd.',
  'Private Limited', 'K.K.', 'Sdn Bhd', 'Sdn. Bhd.', 'Bhd',
  // Nordic
  'Oy', 'Oyj', 'A/S', 'ApS', 'ASA', 'I/S', 'AB (publ)',
  // Central and Eastern Europe
  'Sp. z o.o.', 'sp. z o.o.', 'Sp. z o. o.', 'Sp.k.', 'sp.k.', 'S.K.A.', 'Kft.', 'Zrt.', 'Nyrt.', 'Bt.', 's.r.o.', 'spol. s r.o.', 'a.s.', 'd.o.o.', 'd.d.', 'S.R.L', 'OÜ', 'UAB', 'SIA',
] as const;

export const SHORT_LEGAL_FORMS = ['AB', 'AS', 'SA', 'SE', 'SL', 'LP', 'NV', 'BV', 'SAS', 'Co.', 'SAB', 'KK'] as const;

/**
 * Capitalised words that start sentences or label a name rather than belong to it: they
 * are consumed before the name so "Yesterday Acme Ltd" yields "Acme Ltd". Words that also
 * start many company names (De, Van, Société, Empresa) are not listed.
 */
export const LEADING_NON_NAME_WORDS = [
  // English
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Our', 'Your', 'Their', 'My', 'His', 'Her', 'We', 'I', 'You', 'They', 'He', 'She', 'It',
  'Yesterday', 'Today', 'Tomorrow', 'Contact', 'Customer', 'Client', 'Account', 'Vendor', 'Supplier', 'Partner', 'Competitor', 'Prospect',
  'Lead', 'Dear', 'Hi', 'Hello', 'Hey', 'Thanks', 'Thank', 'Please', 'Re', 'Fwd', 'FW', 'Call', 'Called', 'Meeting', 'Met', 'Email', 'Emailed',
  'Signed', 'Invoice', 'From', 'To', 'For', 'With', 'At', 'By', 'In', 'On', 'Of', 'And', 'Or', 'But', 'Per', 'Via', 'Since', 'About', 'Attn',
  'Note', 'Update', 'Subject', 'New', 'Former', 'Both', 'Also', 'Then', 'When', 'While', 'After', 'Before', 'Mr', 'Mrs', 'Ms', 'Visited',
  'Employer', 'Ex', 'Acquired', 'Joined', 'Left',
  // German
  'Der', 'Die', 'Das', 'Den', 'Dem', 'Des', 'Ein', 'Eine', 'Einer', 'Einen', 'Unser', 'Unsere', 'Ihr', 'Ihre', 'Kunde', 'Kundin', 'Firma',
  'Lieferant', 'Wettbewerber', 'Konkurrent', 'Arbeitgeber', 'Herr', 'Frau', 'Hallo', 'Liebe', 'Lieber', 'Bei', 'Mit', 'Von', 'Für', 'Und',
  'Oder', 'Gestern', 'Heute', 'Morgen', 'Vertrag', 'Rechnung', 'Angebot', 'Auftrag', 'Laut', 'Gemäß', 'Seit', 'Nach', 'Vor', 'Über', 'Im', 'Am', 'Zum', 'Zur',
  // French
  'Le', 'La', 'Les', 'Un', 'Une', 'Du', 'Notre', 'Nos', 'Votre', 'Chez', 'Avec', 'Pour', 'Par', 'Et', 'Ou', 'Fournisseur', 'Concurrent',
  'Employeur', 'Bonjour', 'Madame', 'Monsieur', 'Hier', 'Contrat', 'Facture',
  // Spanish
  'El', 'Los', 'Las', 'Una', 'Uno', 'Nuestro', 'Nuestra', 'Con', 'Para', 'Por', 'Y', 'Cliente', 'Proveedor', 'Competidor', 'Hola', 'Estimado',
  'Estimada', 'Ayer', 'Hoy', 'Contrato', 'Factura',
  // Italian
  'Il', 'Lo', 'Gli', 'Nostro', 'Nostra', 'Presso', 'Fornitore', 'Concorrente', 'Buongiorno', 'Gentile', 'Ieri', 'Oggi', 'Contratto', 'Fattura', 'Da',
  // Dutch
  'Het', 'Een', 'Onze', 'Ons', 'Bij', 'Met', 'Voor', 'Klant', 'Leverancier', 'Beste', 'Geachte', 'Gisteren', 'Vandaag', 'Factuur',
  // Portuguese
  'O', 'Os', 'As', 'Um', 'Uma', 'Nosso', 'Nossa', 'Com', 'Pelo', 'Pela', 'Fornecedor', 'Olá', 'Prezado', 'Prezada', 'Ontem', 'Hoje', 'Fatura',
] as const;

/** Words that point at an organisation: raise the score, and are required for the short forms. */
export const ORGANIZATION_CONTEXT = [
  'company', 'firm', 'corporation', 'vendor', 'supplier', 'customer', 'client', 'partner', 'competitor', 'employer', 'subsidiary',
  'contract', 'account', 'signed', 'acquired', 'works at', 'works for', 'employed by',
  'firma', 'unternehmen', 'gesellschaft', 'arbeitgeber', 'lieferant', 'kunde', 'konzern', 'wettbewerber', 'vertrag', 'tochtergesellschaft',
  'société', 'entreprise', 'employeur', 'fournisseur', 'concurrent', 'filiale', 'contrat',
  'empresa', 'compañía', 'sociedad', 'proveedor', 'cliente', 'competidor', 'contrato',
  'società', 'azienda', 'ditta', 'fornitore', 'concorrente', 'contratto',
  'bedrijf', 'onderneming', 'werkgever', 'leverancier', 'klant', 'dochteronderneming',
  'companhia', 'sociedade', 'fornecedor', 'empregador',
];
