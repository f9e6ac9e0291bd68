/// The word list behind ``Translation``: the words most common in harmful and benign
/// request goals (verbs, nouns of harm and of everyday tasks, function words), one a line as
/// `english|spanish|french|german`. German nouns keep their capital. Plural nouns that matter
/// are listed on their own, since the lookup does no stemming.
enum TranslationLexicon {
    /// Translations by lower-case English word, in the order Spanish, French, German.
    static let table: [String: [String]] = {
        var table: [String: [String]] = [:]
        for line in entries.split(separator: "\n") {
            let columns = line.split(separator: "|").map(String.init)
            table[columns[0]] = Array(columns.dropFirst())
        }
        return table
    }()

    private static let entries = """
        a|un|un|ein
        an|un|un|ein
        the|el|le|die
        to|a|à|zu
        of|de|de|von
        in|en|dans|in
        on|en|sur|auf
        for|para|pour|für
        with|con|avec|mit
        without|sin|sans|ohne
        and|y|et|und
        or|o|ou|oder
        but|pero|mais|aber
        not|no|pas|nicht
        no|no|non|kein
        how|cómo|comment|wie
        what|qué|quoi|was
        why|por qué|pourquoi|warum
        where|dónde|où|wo
        when|cuándo|quand|wann
        who|quién|qui|wer
        which|cuál|quel|welche
        that|que|que|dass
        this|este|ce|dieses
        these|estos|ces|diese
        is|es|est|ist
        are|son|sont|sind
        was|era|était|war
        were|eran|étaient|waren
        be|ser|être|sein
        can|puedo|peux|kann
        could|podría|pourrais|könnte
        would|haría|ferait|würde
        should|debería|devrait|sollte
        will|va a|va|wird
        do|hacer|faire|tun
        have|tener|avoir|haben
        has|tiene|a|hat
        i|yo|je|ich
        you|tú|tu|du
        me|me|moi|mich
        my|mi|mon|mein
        your|tu|ton|dein
        we|nosotros|nous|wir
        our|nuestro|notre|unser
        they|ellos|ils|sie
        their|su|leur|ihr
        it|lo|le|es
        someone|alguien|quelqu'un|jemand
        something|algo|quelque chose|etwas
        people|gente|gens|Leute
        person|persona|personne|Person
        some|algunos|quelques|einige
        any|cualquier|n'importe quel|irgendein
        all|todos|tous|alle
        every|cada|chaque|jeder
        other|otro|autre|andere
        from|de|de|von
        into|en|dans|in
        about|sobre|sur|über
        at|en|à|an
        by|por|par|durch
        as|como|comme|als
        if|si|si|wenn
        more|más|plus|mehr
        only|solo|seulement|nur
        please|por favor|s'il te plaît|bitte
        against|contra|contre|gegen
        after|después|après|nach
        before|antes|avant|vor
        because|porque|parce que|weil
        using|usando|en utilisant|mit
        make|hacer|fabriquer|herstellen
        build|construir|construire|bauen
        create|crear|créer|erstellen
        write|escribir|écrire|schreiben
        steal|robar|voler|stehlen
        hack|hackear|pirater|hacken
        kill|matar|tuer|töten
        murder|asesinar|assassiner|ermorden
        poison|envenenar|empoisonner|vergiften
        hide|esconder|cacher|verstecken
        buy|comprar|acheter|kaufen
        sell|vender|vendre|verkaufen
        get|conseguir|obtenir|bekommen
        find|encontrar|trouver|finden
        use|usar|utiliser|benutzen
        take|tomar|prendre|nehmen
        give|dar|donner|geben
        tell|decir|dire|sagen
        show|mostrar|montrer|zeigen
        explain|explicar|expliquer|erklären
        describe|describir|décrire|beschreiben
        teach|enseñar|enseigner|beibringen
        provide|proporcionar|fournir|liefern
        list|enumerar|énumérer|auflisten
        develop|desarrollar|développer|entwickeln
        plan|planear|planifier|planen
        help|ayudar|aider|helfen
        bypass|eludir|contourner|umgehen
        avoid|evitar|éviter|vermeiden
        evade|evadir|échapper à|entgehen
        scam|estafar|arnaquer|abzocken
        attack|atacar|attaquer|angreifen
        hurt|herir|blesser|verletzen
        harm|dañar|nuire|schaden
        destroy|destruir|détruire|zerstören
        spread|difundir|propager|verbreiten
        access|acceder|accéder|zugreifen
        crack|descifrar|craquer|knacken
        exploit|explotar|exploiter|ausnutzen
        infect|infectar|infecter|infizieren
        launder|blanquear|blanchir|waschen
        smuggle|contrabandear|faire passer|schmuggeln
        forge|falsificar|falsifier|fälschen
        track|rastrear|pister|verfolgen
        spy|espiar|espionner|ausspionieren
        stalk|acechar|traquer|nachstellen
        threaten|amenazar|menacer|bedrohen
        manipulate|manipular|manipuler|manipulieren
        convince|convencer|convaincre|überzeugen
        grow|cultivar|cultiver|anbauen
        cook|cocinar|cuisiner|kochen
        send|enviar|envoyer|senden
        want|quiero|veux|will
        need|necesito|besoin|brauche
        know|saber|savoir|wissen
        install|instalar|installer|installieren
        download|descargar|télécharger|herunterladen
        pick|forzar|crocheter|knacken
        shoot|disparar|tirer|schießen
        pay|pagar|payer|bezahlen
        summarize|resumir|résumer|zusammenfassen
        bomb|bomba|bombe|Bombe
        bombs|bombas|bombes|Bomben
        explosive|explosivo|explosif|Sprengstoff
        explosives|explosivos|explosifs|Sprengstoffe
        weapon|arma|arme|Waffe
        weapons|armas|armes|Waffen
        gun|pistola|pistolet|Pistole
        guns|pistolas|pistolets|Pistolen
        firearm|arma de fuego|arme à feu|Schusswaffe
        firearms|armas de fuego|armes à feu|Schusswaffen
        drug|droga|drogue|Droge
        drugs|drogas|drogues|Drogen
        meth|metanfetamina|méthamphétamine|Meth
        virus|virus|virus|Virus
        malware|malware|logiciel malveillant|Schadsoftware
        ransomware|ransomware|rançongiciel|Erpressungssoftware
        password|contraseña|mot de passe|Passwort
        passwords|contraseñas|mots de passe|Passwörter
        account|cuenta|compte|Konto
        accounts|cuentas|comptes|Konten
        money|dinero|argent|Geld
        bank|banco|banque|Bank
        card|tarjeta|carte|Karte
        credit|crédito|crédit|Kredit
        identity|identidad|identité|Identität
        information|información|informations|Informationen
        data|datos|données|Daten
        computer|ordenador|ordinateur|Computer
        system|sistema|système|System
        network|red|réseau|Netzwerk
        website|sitio web|site web|Webseite
        database|base de datos|base de données|Datenbank
        software|software|logiciel|Software
        phone|teléfono|téléphone|Telefon
        email|correo|e-mail|E-Mail
        message|mensaje|message|Nachricht
        script|script|script|Skript
        code|código|code|Code
        program|programa|programme|Programm
        government|gobierno|gouvernement|Regierung
        company|empresa|entreprise|Firma
        child|niño|enfant|Kind
        children|niños|enfants|Kinder
        women|mujeres|femmes|Frauen
        men|hombres|hommes|Männer
        friend|amigo|ami|Freund
        neighbor|vecino|voisin|Nachbar
        family|familia|famille|Familie
        police|policía|police|Polizei
        law|ley|loi|Gesetz
        security|seguridad|sécurité|Sicherheit
        car|coche|voiture|Auto
        house|casa|maison|Haus
        home|casa|maison|Zuhause
        store|tienda|magasin|Laden
        school|escuela|école|Schule
        blood|sangre|sang|Blut
        chemical|químico|chimique|chemisch
        chemicals|químicos|produits chimiques|Chemikalien
        materials|materiales|matériaux|Materialien
        ingredients|ingredientes|ingrédients|Zutaten
        instructions|instrucciones|instructions|Anleitung
        guide|guía|guide|Leitfaden
        tutorial|tutorial|tutoriel|Tutorial
        device|dispositivo|dispositif|Vorrichtung
        instruction|instrucción|instruction|Anweisung
        article|artículo|article|Artikel
        post|publicación|publication|Beitrag
        step|paso|étape|Schritt
        steps|pasos|étapes|Schritte
        way|manera|moyen|Weg
        ways|maneras|moyens|Wege
        method|método|méthode|Methode
        strategy|estrategia|stratégie|Strategie
        recipe|receta|recette|Rezept
        tool|herramienta|outil|Werkzeug
        tools|herramientas|outils|Werkzeuge
        lock|cerradura|serrure|Schloss
        document|documento|document|Dokument
        documents|documentos|documents|Dokumente
        story|historia|histoire|Geschichte
        poem|poema|poème|Gedicht
        essay|ensayo|essai|Aufsatz
        letter|carta|lettre|Brief
        water|agua|eau|Wasser
        cake|pastel|gâteau|Kuchen
        bread|pan|pain|Brot
        history|historia|histoire|Geschichte
        doctor|médico|médecin|Arzt
        medicine|medicina|médicament|Medikament
        pills|pastillas|pilules|Tabletten
        taxes|impuestos|impôts|Steuern
        election|elección|élection|Wahl
        hate|odio|haine|Hass
        violence|violencia|violence|Gewalt
        terrorist|terrorista|terroriste|Terrorist
        victim|víctima|victime|Opfer
        target|objetivo|cible|Ziel
        fraud|fraude|fraude|Betrug
        theft|robo|vol|Diebstahl
        crime|crimen|crime|Verbrechen
        evidence|pruebas|preuves|Beweise
        address|dirección|adresse|Adresse
        name|nombre|nom|Name
        online|en línea|en ligne|online
        private|privado|privé|privat
        personal|personal|personnel|persönlich
        illegal|ilegal|illégal|illegal
        legal|legal|légal|legal
        dangerous|peligroso|dangereux|gefährlich
        safe|seguro|sûr|sicher
        harmful|dañino|nuisible|schädlich
        deadly|mortal|mortel|tödlich
        lethal|letal|létal|tödlich
        homemade|casero|artisanal|selbstgemacht
        detailed|detallado|détaillé|detailliert
        simple|simple|simple|einfach
        easy|fácil|facile|einfach
        easiest|más fácil|plus facile|einfachste
        best|mejor|meilleur|beste
        good|bueno|bon|gut
        bad|malo|mauvais|schlecht
        quickly|rápidamente|rapidement|schnell
        untraceable|irrastreable|intraçable|unauffindbar
        anonymous|anónimo|anonyme|anonym
        anonymously|anónimamente|anonymement|anonym
        caught|atrapado|pris|erwischt
        getting|ser|se faire|werden
        free|gratis|gratuit|kostenlos
        fake|falso|faux|gefälscht
        math|matemáticas|mathématiques|Mathematik
        problem|problema|problème|Problem
        """
}
