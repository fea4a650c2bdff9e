using System.Collections.Frozen;
using System.Text.RegularExpressions;
using IopGuideBot.Conversation.Content;

namespace IopGuideBot.Conversation.Understanding;

/// <summary>
/// Questions written in Spanish, read through a word-for-word English gloss. The topics' examples are English and the
/// sentence encoder is an English model, so "¿cuánto cuesta el programa para mi hijo?" read as typed lands on the nearest
/// Spanish-looking example (the language topic) or nowhere; its gloss, "how much does it cost program for my son", is
/// read like any other question. The glossary covers the words people use to ask about treatment, families, money, time
/// and work; it was written by the team and is never grown from an evaluation set. Crisis statements never get here:
/// the safety check reads every message, in both languages, before understanding does.
/// </summary>
public static partial class SpanishQuestion
{
    /// <summary>Accented letters, inverted marks, or at least two common Spanish words.</summary>
    public static bool Looks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("áéíóúñ¿¡ÁÉÍÓÚÑ") >= 0)
        {
            return true;
        }

        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        // Two common Spanish words; or, in a message of three words or fewer ("muchas gracias", "buenas tardes"), one word
        // that is Spanish and nothing else.
        return words.Count(CommonWords.Contains) >= 2 || (words.Count <= 3 && words.Any(SpanishOnlyWords.Contains));
    }

    /// <summary>
    /// The English gloss of a Spanish question: phrases first (longest first), then single words; small words with no
    /// meaning for the question ("el", "de") are dropped, and words the glossary does not know (names, drugs, English
    /// words in Spanglish) are kept as typed.
    /// </summary>
    public static string Gloss(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // "él" (he) and "el" (the) differ only by the accent that folding removes.
        var words = " " + string.Join(' ', Word().Matches(text.ToLowerInvariant()).Select(m => m.Value == "él" ? "he" : TextNormalizer.FoldAccents(m.Value))) + " ";
        foreach (var (spanish, english) in Phrases)
        {
            words = words.Replace(spanish, english, StringComparison.Ordinal);
        }

        var glossed = words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Words.TryGetValue(w, out var english) ? english : w)
            .Where(w => w.Length > 0);
        return string.Join(' ', glossed) + (text.Contains('?', StringComparison.Ordinal) ? "?" : string.Empty);
    }

    /// <summary>Common Spanish words that are not English words (with "y", "el", "es": two of them make a message Spanish).</summary>
    private static readonly FrozenSet<string> CommonWords = new[]
    {
        "que", "hola", "mi", "mis", "hijo", "hija", "esposo", "esposa", "por", "para", "como", "cuanto", "tiene", "tienen", "hay",
        "donde", "necesito", "necesita", "quiero", "puedo", "ayuda", "el", "los", "las", "una", "gracias", "es", "esta", "estan",
        "y", "pero", "con", "del", "hablan", "habla", "hablo", "espanol", "programa", "tengo", "usted", "ustedes", "cuesta",
        "buenas", "buenos", "muchas", "muchos", "pueden", "llamar", "tarde", "noche", "cuando", "tambien", "porque", "estoy",
        // Typed without accents, a short question often has only one of the words above ("como me inscribo", "cuantas
        // horas por semana"): question words and the nouns of time, money, family and treatment that English never uses.
        "cuantas", "cuantos", "cuanta", "cuales", "cual", "quien", "semana", "semanas", "horas", "dias", "inscribo",
        "inscribirme", "apunto", "empiezo", "empezar", "dura", "sesiones", "seguro", "tratamiento", "familia", "hermano",
        "hermana", "mama", "ella", "ellos", "nosotros", "hacer", "hace", "puede", "ayudar", "dinero", "pagar",
        "trabajo", "escuela", "cita", "ahora", "aqui", "despues", "antes", "siempre", "nunca",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words no English message uses: one of them is enough in a very short message.</summary>
    private static readonly FrozenSet<string> SpanishOnlyWords = new[]
    {
        "hola", "gracias", "buenas", "buenos", "adios", "ayuda", "necesito", "quiero", "hablan", "habla", "espanol", "cuanto",
        "cuesta", "donde", "tengo", "puedo", "pueden", "llamen", "llamar",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Phrases, matched on whole words between spaces (accents folded), longest first.</summary>
    private static readonly (string Spanish, string English)[] Phrases = new (string, string)[]
    {
        ("cuanto cuesta", "how much does it cost"), ("cuanto cobran", "how much does it cost"), ("cuanto sale", "how much does it cost"),
        ("cuanto hay que pagar", "how much do i pay"), ("cuanto tiempo", "how long"), ("cuanto dura", "how long does it last"),
        ("cuantas semanas", "how many weeks"), ("cuantas horas", "how many hours"), ("cuantos dias", "how many days"),
        ("cuantas veces", "how many times"), ("por semana", "per week"), ("a la semana", "a week"), ("a que hora", "what time"),
        ("que dias", "what days"), ("que pasa si", "what happens if"), ("que pasa despues", "what happens after"),
        ("que es", "what is"), ("que son", "what are"), ("que hacen", "what do you do"), ("como funciona", "how does it work"),
        ("como empiezo", "how do i start"), ("como empezar", "how to start"), ("como me inscribo", "how do i sign up"), ("como me apunto", "how do i sign up"), ("me apunto", "i sign up"),
        ("como lo convenzo", "how do i convince him"), ("como la convenzo", "how do i convince her"),
        ("seguir trabajando", "keep working"), ("seguir estudiando", "keep going to school"), ("perder mi trabajo", "lose my job"),
        ("perder el trabajo", "lose my job"), ("sin seguro", "without insurance"), ("aceptan seguro", "do you take insurance"),
        ("aceptan medicaid", "do you take medicaid"), ("aceptan mi seguro", "do you take my insurance"),
        ("cubre el seguro", "does insurance cover"), ("lo cubre", "does it cover"),
        ("tratamiento residencial", "residential treatment"), ("hospitalizacion parcial", "partial hospitalization"),
        ("programa de dia", "day program"), ("terapia individual", "individual therapy"), ("terapia de grupo", "group therapy"),
        ("terapia grupal", "group therapy"), ("terapia familiar", "family therapy"), ("en linea", "online"), ("por video", "by video"),
        ("por internet", "online"), ("en la noche", "in the evening"), ("por la noche", "in the evening"), ("de noche", "at night"),
        ("en la tarde", "in the evening"), ("por la tarde", "in the evening"), ("en la manana", "in the morning"),
        ("fin de semana", "weekend"), ("fines de semana", "weekends"), ("volver a usar", "use again relapse"),
        ("volvio a usar", "used again relapse"), ("volvio a consumir", "used again relapse"), ("volver a tomar", "drink again relapse"),
        ("grupos de apoyo", "support groups"), ("alcoholicos anonimos", "alcoholics anonymous aa"),
        ("narcoticos anonimos", "narcotics anonymous na"), ("no quiere ir", "refuses to go"), ("no quiere ayuda", "refuses help"),
        ("no quiere", "does not want"), ("se entere", "find out"), ("se enteren", "find out"), ("se van a enterar", "will find out"),
        ("mi jefe", "my boss"), ("mi trabajo", "my job"), ("libertad condicional", "probation"), ("oficial de probatoria", "probation officer"),
        ("sintomas de abstinencia", "withdrawal symptoms"), ("menor de edad", "minor teen"), ("salud mental", "mental health"),
        ("hablar con alguien", "talk to someone"), ("hablar con una persona", "talk to a person"),
        ("persona real", "real person"), ("eres un robot", "are you a bot"), ("es un robot", "is this a bot"),
        ("buenos dias", "hello"), ("buenas tardes", "hello"), ("buenas noches", "hello"), ("hasta luego", "goodbye"),
        ("muchas gracias", "thank you"), ("primer dia", "first day"), ("pruebas de drogas", "drug tests"),
        ("prueba de orina", "urine drug test"), ("examen de drogas", "drug test"), ("despues del programa", "after the program"),
        ("que sigue", "what happens next"), ("y ahora que", "what happens now"), ("me pueden llamar", "can you call me"),
        ("llamenme", "call me back"), ("me llaman", "call me"), ("mis datos", "my data"), ("mi informacion", "my information"),
        ("tiene que", "has to"), ("tengo que", "do i have to"), ("tienen que", "have to"), ("hay que", "do you have to"),
        ("todos los dias", "every day"), ("cada semana", "every week"), ("otro idioma", "another language"), ("en espanol", "in spanish"),
        ("que pasa", "what happens"), ("cada cuanto", "how often"), ("analisis de orina", "urine drug test"),
        ("pruebas de orina", "urine drug tests"), ("examenes de orina", "urine drug tests"), ("vuelvo a consumir", "use again relapse"),
        ("vuelvo a usar", "use again relapse"), ("vuelve a consumir", "uses again relapse"), ("vuelve a usar", "uses again relapse"),
        ("me echan", "kick me out"), ("me sacan", "kick me out"), ("lo echan", "kick him out"), ("lo sacan", "kick him out"),
        ("la echan", "kick her out"), ("la sacan", "kick her out"), ("intensivo ambulatorio", "intensive outpatient iop"),
        ("cuidado de ninos", "childcare"), ("de verdad", "really"), ("desde mi casa", "from home"), ("desde casa", "from home"),
        ("padres de familia", "parents"), ("me mando", "sent me"), ("me mandaron", "sent me"), ("ganas de consumir", "cravings"),
        ("ganas de usar", "cravings"), ("ganas de tomar", "cravings to drink"), ("en persona", "in person"),
    }.Select(p => (" " + p.Item1 + " ", " " + p.Item2 + " ")).OrderByDescending(p => p.Item1.Length).ToArray();

    /// <summary>Single words (accents folded). An empty gloss drops the word.</summary>
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // People
        ["yo"] = "i", ["mi"] = "my", ["mis"] = "my", ["hijo"] = "son", ["hija"] = "daughter", ["hijos"] = "children",
        ["esposo"] = "husband", ["marido"] = "husband", ["esposa"] = "wife", ["pareja"] = "partner", ["novio"] = "boyfriend",
        ["novia"] = "girlfriend", ["papa"] = "dad", ["padre"] = "father", ["mama"] = "mom", ["madre"] = "mother",
        ["padres"] = "parents", ["hermano"] = "brother", ["hermana"] = "sister", ["nieto"] = "grandson", ["nieta"] = "granddaughter",
        ["abuelo"] = "grandfather", ["abuela"] = "grandmother", ["tio"] = "uncle", ["tia"] = "aunt", ["amigo"] = "friend",
        ["amiga"] = "friend", ["familia"] = "family", ["familiares"] = "family", ["ella"] = "she", ["ellos"] = "they",
        ["lo"] = "him", ["la"] = "", ["le"] = "him", ["usted"] = "you", ["ustedes"] = "you", ["adolescente"] = "teenager",
        ["consejero"] = "counselor", ["consejera"] = "counselor", ["doctor"] = "doctor", ["medico"] = "doctor", ["jefe"] = "boss",
        ["empleador"] = "employer", ["juez"] = "judge",
        // Asking
        ["que"] = "what", ["cual"] = "which", ["como"] = "how", ["cuando"] = "when", ["donde"] = "where", ["cuanto"] = "how much",
        ["cuanta"] = "how much", ["cuantos"] = "how many", ["cuantas"] = "how many", ["puedo"] = "can i", ["puede"] = "can",
        ["pueden"] = "can", ["podemos"] = "can we", ["tengo"] = "do i have", ["tiene"] = "has", ["tienen"] = "do you have",
        ["necesito"] = "i need", ["necesita"] = "needs", ["quiero"] = "i want", ["hay"] = "is there", ["si"] = "if", ["es"] = "is",
        ["son"] = "are", ["esta"] = "is", ["estan"] = "are", ["estoy"] = "i am", ["ser"] = "be", ["hacer"] = "do",
        // The program
        ["programa"] = "program", ["tratamiento"] = "treatment", ["terapia"] = "therapy", ["terapias"] = "therapies",
        ["grupo"] = "group", ["grupos"] = "groups", ["sesion"] = "session", ["sesiones"] = "sessions", ["clase"] = "class",
        ["semana"] = "week", ["semanas"] = "weeks", ["dia"] = "day", ["dias"] = "days", ["hora"] = "hour", ["horas"] = "hours",
        ["meses"] = "months", ["noche"] = "night", ["tarde"] = "evening", ["manana"] = "tomorrow", ["horario"] = "schedule",
        ["horarios"] = "schedule", ["reglas"] = "rules", ["asistir"] = "attend", ["ir"] = "go", ["venir"] = "come", ["todos"] = "all", ["faltar"] = "miss", ["empezar"] = "start",
        ["comenzar"] = "start", ["empiezo"] = "start", ["inscribir"] = "sign up", ["inscribirme"] = "sign up", ["apuntarme"] = "sign up", ["entrar"] = "get in",
        ["ingresar"] = "enroll", ["cita"] = "appointment", ["evaluacion"] = "assessment", ["lista"] = "list", ["espera"] = "wait",
        ["participar"] = "take part", ["involucrarme"] = "be involved", ["involucrar"] = "involve", ["visitar"] = "visit",
        ["visita"] = "visit", ["visitas"] = "visits", ["apoyar"] = "support", ["apoyo"] = "support", ["ayudar"] = "help",
        ["ayudarlo"] = "help him", ["ayudarla"] = "help her", ["ayudarle"] = "help", ["ayuda"] = "help", ["convencer"] = "convince",
        ["obligar"] = "force", ["funciona"] = "work", ["sirve"] = "work", ["resultados"] = "results", ["despues"] = "after",
        ["internarse"] = "inpatient", ["internado"] = "inpatient", ["residencial"] = "residential", ["rehabilitacion"] = "rehab",
        ["desintoxicacion"] = "detox", ["desintoxicarme"] = "detox", ["abstinencia"] = "withdrawal", ["recaida"] = "relapse",
        ["recayo"] = "relapsed", ["recaer"] = "relapse", ["virtual"] = "online", ["video"] = "video",
        // Money, work, school, the law
        ["costo"] = "cost", ["cuesta"] = "cost", ["precio"] = "price", ["pagar"] = "pay", ["pago"] = "payment", ["caro"] = "expensive",
        ["gratis"] = "free", ["seguro"] = "insurance", ["aseguranza"] = "insurance", ["cubre"] = "cover", ["trabajo"] = "job",
        ["trabajar"] = "work", ["empleo"] = "job", ["escuela"] = "school", ["colegio"] = "school", ["universidad"] = "college",
        ["clases"] = "classes", ["estudiar"] = "study", ["corte"] = "court", ["juzgado"] = "court", ["probatoria"] = "probation",
        ["abogado"] = "lawyer", ["carta"] = "letter",
        // Privacy, language, contact, place
        ["confidencial"] = "confidential", ["privado"] = "private", ["privacidad"] = "privacy", ["secreto"] = "secret",
        ["datos"] = "data", ["informacion"] = "information", ["espanol"] = "spanish", ["ingles"] = "english", ["idioma"] = "language",
        ["interprete"] = "interpreter", ["traductor"] = "translator", ["llamar"] = "call", ["llamen"] = "call", ["telefono"] = "phone",
        ["direccion"] = "address", ["ubicados"] = "located", ["ubicacion"] = "location", ["estacionamiento"] = "parking",
        ["transporte"] = "transportation",
        // Health and substances
        ["medicamento"] = "medication", ["medicamentos"] = "medications", ["medicina"] = "medicine", ["medicinas"] = "medicines",
        ["metadona"] = "methadone", ["pastillas"] = "pills", ["drogas"] = "drugs", ["droga"] = "drug", ["consumo"] = "use",
        ["consumir"] = "use", ["usar"] = "use", ["usa"] = "uses", ["alcohol"] = "alcohol", ["beber"] = "drinking",
        ["bebe"] = "drinks", ["tomar"] = "drinking", ["toma"] = "drinks", ["cocaina"] = "cocaine", ["marihuana"] = "marijuana",
        ["mota"] = "weed", ["heroina"] = "heroin", ["cristal"] = "meth", ["metanfetamina"] = "meth", ["ansiedad"] = "anxiety",
        ["depresion"] = "depression", ["embarazada"] = "pregnant", ["embarazo"] = "pregnancy", ["edad"] = "age", ["anos"] = "years old",
        ["hablan"] = "speak", ["habla"] = "speak", ["hablo"] = "i speak", ["hablar"] = "talk",
        ["hacen"] = "do", ["cada"] = "every", ["analisis"] = "test", ["orina"] = "urine", ["echan"] = "kick out",
        ["sacan"] = "kick out", ["durante"] = "during", ["mientras"] = "while", ["voy"] = "i go", ["dura"] = "last",
        ["atender"] = "treat", ["atienden"] = "treat", ["dar"] = "give", ["dan"] = "give", ["van"] = "will", ["desde"] = "from", ["casa"] = "home",
        ["intensivo"] = "intensive", ["ambulatorio"] = "outpatient", ["mejor"] = "better", ["internarme"] = "inpatient",
        ["internarlo"] = "inpatient", ["internarla"] = "inpatient", ["clinica"] = "clinic", ["aqui"] = "here", ["primero"] = "first",
        ["consejeros"] = "counselors", ["terapeuta"] = "therapist", ["hago"] = "do i do", ["uso"] = "use", ["mandan"] = "send",
        ["reportes"] = "reports", ["reporte"] = "report", ["asistencia"] = "attendance", ["pasa"] = "happens", ["termino"] = "finish",
        ["terminar"] = "finish", ["ayudan"] = "help", ["cuidado"] = "care", ["ninos"] = "children", ["solo"] = "only",
        ["pacientes"] = "patients", ["paciente"] = "patient", ["familias"] = "families", ["menores"] = "minors",
        ["jovenes"] = "young people", ["adiccion"] = "addiction", ["adicto"] = "addicted", ["adicta"] = "addicted",
        ["entender"] = "understand", ["aprender"] = "learn", ["cobran"] = "charge", ["gratuito"] = "free", ["dinero"] = "money",
        ["receta"] = "prescription", ["buprenorfina"] = "buprenorphine", ["naltrexona"] = "naltrexone", ["antojos"] = "cravings",
        ["ahora"] = "now", ["ahorita"] = "now", ["hoy"] = "today", ["cerca"] = "near", ["abren"] = "open", ["cierran"] = "close",
        ["recaigo"] = "relapse", ["presencial"] = "in person", ["semanal"] = "weekly", ["diario"] = "daily",
        // Small talk
        ["hola"] = "hello", ["gracias"] = "thanks", ["adios"] = "goodbye", ["chao"] = "bye",
        // Small words
        ["el"] = "", ["los"] = "", ["las"] = "", ["un"] = "a", ["una"] = "a", ["unos"] = "some", ["unas"] = "some", ["de"] = "of",
        ["del"] = "of the", ["al"] = "to the", ["a"] = "to", ["en"] = "in", ["y"] = "and", ["o"] = "or", ["pero"] = "but",
        ["para"] = "for", ["por"] = "for", ["con"] = "with", ["sin"] = "without", ["muy"] = "very", ["mas"] = "more", ["se"] = "",
        ["me"] = "me", ["te"] = "you", ["nos"] = "us", ["su"] = "his", ["sus"] = "his", ["este"] = "this", ["esto"] = "this",
        ["eso"] = "that", ["tambien"] = "also", ["todavia"] = "still", ["ya"] = "already", ["no"] = "not", ["porque"] = "because",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
