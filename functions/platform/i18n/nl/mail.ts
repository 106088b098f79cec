// The Dutch catalogue's `mail` section (see ./index.ts).
/** E-mails, by notification template: `mail.<template>.subject` and `.body`. */
export const mail = {
  'mail.request-offered.subject': 'Een buur vraagt om hulp',
  'mail.request-offered.body': 'Er is een hulpvraag in uw buurt die bij u past. Kijk in Wijkloket of u kunt helpen.',
  'mail.referral-offered.subject': 'Doorverwijzing voor {initiative}: {topic} in {district}',
  'mail.referral-offered.body':
    'Wijkloket verwijst een inwoner naar {initiative}: een vraag over {topic} in {district}. Kunt u helpen? Open de link om de vraag te lezen en te reageren (ja, of nee omdat u vol zit): {link} . De link werkt {days} dagen en is alleen voor u: stuur hem niet door.',
  'mail.referral-reminder.subject': 'Herinnering: hoe staat het met de doorverwijzing? ({topic})',
  'mail.referral-reminder.body':
    '{initiative} nam een doorverwijzing aan over {topic} in {district}. Is de hulp klaar, of lukt het niet? Sluit de doorverwijzing af via deze link: {link} . Horen wij niets, dan zoeken wij over een week iemand anders.',
  'mail.referral-returned.subject': 'De doorverwijzing ging naar iemand anders ({topic})',
  'mail.referral-returned.body':
    'Wij hoorden niets over de doorverwijzing over {topic} in {district} en hebben de vraag aan iemand anders gegeven. Geen probleem: dank u voor uw inzet.',
  'mail.claim-reminder.subject': 'Herinnering: hoe gaat het met de hulpvraag?',
  'mail.claim-reminder.body': 'U pakte een hulpvraag op. Laat even weten hoe het gaat, of geef de vraag terug als het niet lukt.',
  'mail.claim-released.subject': 'De hulpvraag is teruggegeven',
  'mail.claim-released.body': 'We hoorden niets en hebben de vraag aan iemand anders gegeven. Geen probleem: dank u voor uw inzet.',
  'mail.escalated-to-team.subject': 'Nieuwe vraag {reference} voor het wijkteam ({district})',
  'mail.escalated-to-team.body':
    'Er staat een nieuwe vraag in de wachtrij van {district}. Vraagnummer: {reference}. Prioriteit: {priority}. Waarom bij het team: {reason}. Open hem in de werkplek: {caseUrl}',
  'mail.team-overdue.subject': 'Let op: vraag {reference} wacht te lang ({district})',
  'mail.team-overdue.body':
    'Vraag {reference} in {district} is over de tijd. Prioriteit: {priority}. Waarom bij het team: {reason}. Pak hem nu op of wijs hem toe: {caseUrl}',
  'mail.request-claimed.subject': 'Iemand gaat u helpen ({reference})',
  'mail.request-claimed.body':
    'Een vrijwilliger of een initiatief uit uw buurt heeft uw vraag opgepakt en neemt contact met u op. Wilt u zien hoe het ermee staat? Ga naar {statusUrl} en vul uw vraagnummer {reference} en dit e-mailadres in.',
  'mail.receipt.subject': 'Wij hebben uw vraag ontvangen ({reference})',
  'mail.receipt.body':
    'Dank u wel voor uw vraag. Uw vraagnummer is {reference}. Wilt u zien hoe het ermee staat? Ga naar {statusUrl} en vul uw vraagnummer en dit e-mailadres in. Is er nu gevaar? Bel 112. Vragen? Bel het wijkteam: {team}.',
  'mail.information-requested.subject': 'Wij hebben een vraag voor u ({reference})',
  'mail.information-requested.body':
    'Om u goed te helpen, hebben wij meer informatie nodig. Ga naar {statusUrl}, vul uw vraagnummer {reference} en dit e-mailadres in, en lees de vraag.',
  'mail.sign-in-code.subject': 'Uw code om in te loggen: {code}',
  'mail.sign-in-code.body':
    'Uw code om in te loggen bij Wijkloket is {code}. De code werkt 15 minuten en één keer. Vroeg u geen code aan? Dan kunt u dit bericht negeren.',
  'mail.volunteer-welcome.subject': 'Welkom als vrijwilliger bij Wijkloket',
  'mail.volunteer-welcome.body':
    'Dank u wel voor uw aanmelding. De vrijwilligerscoördinator van de gemeente bekijkt hem en laat u weten of u kunt beginnen. U kunt altijd inloggen met dit e-mailadres op {signInUrl}.',
  'mail.volunteer-known.subject': 'U bent al aangemeld bij Wijkloket',
  'mail.volunteer-known.body':
    'Iemand meldde dit e-mailadres aan als vrijwilliger, maar u bent al aangemeld. Log in op {signInUrl} om uw gegevens te bekijken. Was u dit niet? Dan hoeft u niets te doen.',
  'mail.volunteer-approved.subject': 'U bent goedgekeurd als vrijwilliger',
  'mail.volunteer-approved.body':
    'Goed nieuws: de coördinator heeft uw aanmelding goedgekeurd. Log in op {signInUrl} om te zien welke vragen bij u passen.',
  'mail.concern-raised.subject': 'Zorgsignaal bij vraag {reference} ({district})',
  'mail.concern-raised.body':
    'Een vrijwilliger maakt zich zorgen over iemand die hij of zij hielp (vraag {reference}, {district}). Het signaal staat in de wachtrij van het wijkteam, met de vraag erbij: {caseUrl}',
  'mail.concern-received.subject': 'Uw zorgsignaal is ontvangen',
  'mail.concern-received.body':
    'Dank u wel dat u dit meldde. Het wijkteam heeft uw zorgsignaal ontvangen en kijkt ernaar. U hoort niet wat er verder gebeurt: dat blijft tussen de inwoner en het wijkteam.',
  'mail.offers-digest.subject': 'Vragen in uw buurt die bij u passen ({count})',
  'mail.offers-digest.body':
    'Er zijn {count} nieuwe vragen in uw buurt die bij u passen. Kijk op {volunteerUrl} of u kunt helpen. Even geen tijd? Pauzeer uzelf op dezelfde pagina.',
  'mail.was-it-solved.subject': 'Is uw vraag opgelost? ({reference})',
  'mail.was-it-solved.body':
    'Wie u hielp, meldt dat het gelukt is. Klopt dat? Laat het ons weten: ga naar {statusUrl}, vul uw vraagnummer {reference} en dit e-mailadres in. Horen wij binnen 14 dagen niets, dan sluiten wij de vraag als opgelost.',
  'mail.concern-acknowledged.subject': 'Het wijkteam heeft uw zorgsignaal gelezen',
  'mail.concern-acknowledged.body':
    'Een professional van het wijkteam heeft uw zorgsignaal gelezen. Dank u wel dat u het meldde. Wat er verder gebeurt, blijft tussen de inwoner en het wijkteam.',
  'mail.team-message.subject': 'Een bericht van het wijkteam ({reference})',
  'mail.team-message.body':
    'Het wijkteam heeft u een bericht gestuurd. Ga naar {statusUrl}, vul uw vraagnummer {reference} en dit e-mailadres in, en lees het bericht.',
  'mail.wmo-deadline-near.subject': 'Wmo-termijn van vraag {reference} loopt bijna af ({district})',
  'mail.wmo-deadline-near.body':
    'De wettelijke termijn van vraag {reference} in {district} loopt binnen een week af. Leg het gesprek, het verslag of het besluit vast in de werkplek: {caseUrl}',
  'mail.wmo-deadline-passed.subject': 'Wmo-termijn van vraag {reference} is voorbij ({district})',
  'mail.wmo-deadline-passed.body':
    'De wettelijke termijn van vraag {reference} in {district} is voorbij. Neem vandaag contact op met de inwoner en leg vast wat er gebeurt: {caseUrl}',
  'mail.volunteer-rejected.subject': 'Uw aanmelding als vrijwilliger',
  'mail.volunteer-rejected.body':
    'Dank u wel voor uw aanmelding. De vrijwilligerscoördinator heeft besloten dat u nu niet als vrijwilliger begint. Vragen hierover? Bel de gemeente: {team}.',
  'mail.volunteer-withdrawn.subject': 'U bent niet langer vrijwilliger bij Wijkloket',
  'mail.volunteer-withdrawn.body':
    'De vrijwilligerscoördinator heeft uw goedkeuring als vrijwilliger ingetrokken. De vragen die u oppakte, gaan naar andere helpers. Vragen hierover? Bel de gemeente: {team}.',
};
