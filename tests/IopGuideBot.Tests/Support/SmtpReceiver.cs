using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace IopGuideBot.Tests.Support;

/// <summary>
/// A real, minimal SMTP server on a loopback port: enough of RFC 5321 for a client to deliver (220, EHLO/HELO, MAIL FROM,
/// RCPT TO, DATA ... ".", QUIT). Each delivered message (its raw DATA, dot-unstuffed) can be awaited. It can refuse the
/// first N transactions with a temporary 451, so a sender must retry.
/// </summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<(string From, IReadOnlyList<string> To, string Data)> _messages = Channel.CreateUnbounded<(string, IReadOnlyList<string>, string)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _toRefuse;

    public SmtpReceiver(int refuseFirst = 0)
    {
        _toRefuse = refuseFirst;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Transactions refused with 451 so far.</summary>
    public int Refused { get; private set; }

    public async Task<(string From, IReadOnlyList<string> To, string Data)> NextAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _messages.Reader.ReadAsync(deadline.Token);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string? from = null;
        var to = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL" when Interlocked.Decrement(ref _toRefuse) >= 0:
                        Refused++;
                        await writer.WriteLineAsync("451 4.3.0 try again later");
                        break;
                    case "MAIL":
                        from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        await _messages.Writer.WriteAsync((from ?? string.Empty, [.. to], data.ToString()));
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default: // RSET, NOOP, …
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up, or the receiver is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
