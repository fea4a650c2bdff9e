using IopGuideBot.Conversation.Content;
using IopGuideBot.Conversation.Understanding;

namespace IopGuideBot.Conversation.Tests.Understanding;

/// <summary>
/// Questions asked in Spanish are answered by their topic (read through an English gloss), followed by a note in Spanish
/// that the answer is in English and how to get help in Spanish; asking whether anyone speaks Spanish still gets the
/// language topic, without the note. Run through the composition users meet (<see cref="ComposedBot"/>: the real
/// <c>ClinicBot</c> with <c>SafetyMiddleware</c> in front).
/// </summary>
public sealed class SpanishQuestionTests
{
    [Theory]
    [InlineData("¿Cuánto cuesta el programa?", "how much does it cost program?")]
    [InlineData("mi esposo puede seguir trabajando", "my husband can keep working")]
    [InlineData("¿Aceptan Medicaid?", "do you take medicaid?")]
    [InlineData("¿Él tiene que ir todos los días?", "he has to go every day?")]
    public void A_spanish_question_is_glossed_word_for_word(string spanish, string english)
    {
        Assert.Equal(english, SpanishQuestion.Gloss(spanish));
    }

    [Theory]
    [InlineData("¿cuánto cuesta el programa?")]
    [InlineData("hola, necesito ayuda para mi hijo")]
    [InlineData("mi esposo puede seguir trabajando")]
    [InlineData("como me apunto")]
    [InlineData("cuantas semanas son")]
    public void Spanish_is_recognised(string text) => Assert.True(SpanishQuestion.Looks(text));

    [Theory]
    [InlineData("how much does the program cost")]
    [InlineData("is there a group in the evening")]
    [InlineData("can i bring my mama to the family night")]
    public void English_is_not_taken_for_spanish(string text) => Assert.False(SpanishQuestion.Looks(text));

    [Theory]
    [InlineData("¿Cuánto cuesta el programa? No tengo mucho dinero", "cost")]
    [InlineData("¿ustedes aceptan seguro médico?", "insurance")]
    [InlineData("¿cuántas semanas dura el programa?", "duration")]
    [InlineData("¿puedo seguir trabajando durante el tratamiento?", "keep-job")]
    [InlineData("¿cómo puede participar la familia en el tratamiento de mi hijo?", "family-involvement")]
    [InlineData("¿tienen grupos en la noche?", "evening-groups")]
    [InlineData("¿cada cuánto hacen los análisis de orina?", "drug-testing")]
    [InlineData("si vuelvo a consumir, ¿me echan del programa?", "relapse")]
    [InlineData("¿puedo hacer las sesiones por video desde mi casa?", "telehealth")]
    [InlineData("¿es mejor internarme en una clínica o venir aquí?", "compare-inpatient")]
    [InlineData("¿ustedes ayudan con transporte o cuidado de niños?", "practical-help")]
    [InlineData("el juez me mandó a tratamiento, ¿ustedes mandan reportes a la corte?", "legal")]
    [InlineData("¿qué es un programa intensivo ambulatorio?", "what-is-iop")]
    [InlineData("como me apunto al programa", "how-to-start")]
    [InlineData("cuantos dias a la semana tengo que venir", "schedule")]
    [InlineData("cuantas semanas dura", "duration")]
    public async Task A_question_in_spanish_gets_its_topic_then_a_note_in_spanish(string question, string topic)
    {
        await using var bot = new ComposedBot();

        var replies = await bot.NewConversation().SayAsync(question);

        Assert.Equal("topic:" + topic, Replies.ContentIdOf(replies[0]));
        Assert.Equal(MessageKeys.AnsweredInEnglish, Replies.ContentIdOf(replies[^1]));
    }

    [Fact]
    public async Task Asking_whether_anyone_speaks_spanish_gets_the_language_topic_without_the_note()
    {
        await using var bot = new ComposedBot();

        var replies = await bot.NewConversation().SayAsync("¿Hablan español?");

        Assert.Equal("topic:language", Replies.ContentIdOf(replies[0]));
        Assert.DoesNotContain(replies, r => Replies.ContentIdOf(r) == MessageKeys.AnsweredInEnglish);
    }

    [Fact]
    public async Task A_question_in_english_gets_no_note()
    {
        await using var bot = new ComposedBot();

        var replies = await bot.NewConversation().SayAsync("how much does the program cost");

        Assert.Equal("topic:cost", Replies.ContentIdOf(replies[0]));
        Assert.DoesNotContain(replies, r => Replies.ContentIdOf(r) == MessageKeys.AnsweredInEnglish);
    }
}
