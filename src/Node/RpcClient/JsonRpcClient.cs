using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaiChain.Node.RpcClient;

/// <summary>
/// A small JSON-RPC 2.0 client over HTTP POST, used by the CLI (<c>daichain status</c>, <c>tx</c>, <c>model</c>, ...)
/// and the load generator to talk to a node.
/// </summary>
/// <remarks>
/// Errors from the node come back as <see cref="JsonRpcCallException"/> carrying the node's stable code,
/// reason and message, so the CLI can print the node's own sentence; transport failures name the URL.
/// Responses are read with a size cap so a misbehaving server cannot exhaust the client's memory.
/// </remarks>
public sealed class JsonRpcClient : IDisposable
{
    /// <summary>The largest response the client reads, in bytes.</summary>
    public const int MaxResponseBytes = 64 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _nextId;

    public JsonRpcClient(Uri endpoint, TimeSpan? timeout = null)
        : this(endpoint, new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) }, ownsHttp: true)
    {
    }

    public JsonRpcClient(Uri endpoint, HttpClient http, bool ownsHttp = false)
    {
        Endpoint = endpoint;
        _http = http;
        _ownsHttp = ownsHttp;
    }

    public Uri Endpoint { get; }

    /// <summary>Calls <paramref name="method"/> with named parameters and returns its result (JSON null as null).</summary>
    /// <exception cref="JsonRpcCallException">The node answered with a JSON-RPC error.</exception>
    /// <exception cref="HttpRequestException">The node could not be reached or did not answer JSON-RPC.</exception>
    public async Task<JsonNode?> CallAsync(string method, JsonObject? parameters = null, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = method,
        };
        if (parameters is not null)
        {
            request["params"] = parameters;
        }

        using var content = new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(Endpoint, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"cannot reach the node at {Endpoint}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"the node at {Endpoint} did not answer within {_http.Timeout.TotalSeconds:0} s", e);
        }

        using (response)
        {
            var body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(body);
            }
            catch (JsonException e)
            {
                throw new HttpRequestException($"the node at {Endpoint} answered HTTP {(int)response.StatusCode} without a JSON-RPC body", e);
            }

            if (parsed is not JsonObject reply)
            {
                throw new HttpRequestException($"the node at {Endpoint} answered HTTP {(int)response.StatusCode} without a JSON-RPC object");
            }

            if (reply["error"] is JsonObject error)
            {
                throw JsonRpcCallException.From(method, error);
            }

            if (!reply.ContainsKey("result"))
            {
                throw new HttpRequestException($"the node at {Endpoint} answered without a result or an error");
            }

            return reply["result"]?.DeepClone();
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new HttpRequestException($"the response is larger than {MaxResponseBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
