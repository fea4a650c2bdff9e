using System.Net;
using System.Text;
using IopGuideBot.Tests.Support;

namespace IopGuideBot.Tests;

/// <summary>Bad input to <c>/api/messages</c> gets a 4xx that says why; never a 500.</summary>
public sealed class BadInputTests : ServiceTest
{
    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": ", "not valid JSON")]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("", "empty")]
    [InlineData("[1, 2, 3]", "not a Bot Framework activity")]
    [InlineData("{\"text\": \"hi\", \"conversation\": {\"id\": \"c1\"}, \"serviceUrl\": \"http://127.0.0.1:9/\"}", "'type'")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"serviceUrl\": \"http://127.0.0.1:9/\"}", "'conversation.id'")]
    [InlineData("{\"type\": \"message\", \"text\": \"hi\", \"conversation\": {\"id\": \"c1\"}, \"serviceUrl\": \"file:///etc/passwd\"}", "'serviceUrl'")]
    public async Task Malformed_activities_get_400_with_a_reason(string body, string reason)
    {
        var response = await Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var activity = EmulatorActivities.Message("c1", "http://127.0.0.1:9/", new string('a', 257 * 1024));

        var response = await Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_KB_sent_in_chunks_without_a_length_gets_413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(
            "{\"type\":\"message\",\"text\":\"" + new string('a', 300 * 1024) + "\"}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_refused_with_405()
    {
        var response = await Client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/readyz")).StatusCode);
    }
}
