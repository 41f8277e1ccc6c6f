using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.Node.Rpc.RateLimiting;
using DaiChain.Node.Rpc.Schema;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Rpc;

/// <summary>
/// The transport-independent core of the server: one HTTP body or WebSocket message in, the JSON-RPC
/// response bytes (or none) out.
/// </summary>
/// <remarks>
/// Order of checks: JSON syntax and depth (one pass of <see cref="Utf8JsonReader"/>, so a deep document is
/// refused before a DOM is built), then batch shape and size, then the client's rate limit (one token per
/// request), then each request in order: envelope, method, transport, audit mode, parameters, handler.
/// Requests of a batch run one after another, so a batch costs one request's worth of concurrency. A result
/// is written straight into a bounded buffer; one that would pass the response limit is replaced by a
/// <c>response_too_large</c> error. A handler's unexpected exception is logged with the call's correlation id,
/// which is all the client learns of it.
/// </remarks>
internal sealed class RpcDispatcher
{
    private const int MaxEchoedMethodChars = 64;

    private readonly RpcServerOptions _options;
    private readonly RpcMethodRegistry _registry;
    private readonly FrozenDictionary<string, RpcMethod> _builtIns;
    private readonly ClientRateLimiter _limiter;
    private readonly RpcMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly JsonDocumentOptions _documentOptions;

    public RpcDispatcher(
        RpcServerOptions options,
        RpcMethodRegistry registry,
        IReadOnlyList<RpcMethod> builtIns,
        ClientRateLimiter limiter,
        RpcMetrics metrics,
        ILogger logger,
        TimeProvider time)
    {
        _options = options;
        _registry = registry;
        _builtIns = builtIns.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
        _limiter = limiter;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _documentOptions = new JsonDocumentOptions
        {
            MaxDepth = options.MaxJsonDepth,
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowDuplicateProperties = false,
        };
    }

    /// <summary>
    /// Handles one body. The caller owns the returned result and disposes it after sending its bytes.
    /// </summary>
    public async ValueTask<RpcDispatchResult> DispatchAsync(ReadOnlyMemory<byte> body, RpcCallOrigin origin, CancellationToken cancellationToken)
    {
        var output = new BoundedBufferWriter(_options.MaxResponseBytes);
        try
        {
            var status = await DispatchIntoAsync(body, origin, output, cancellationToken).ConfigureAwait(false);
            return new RpcDispatchResult(output, status.Code, status.RetryAfter);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>Writes a single error response with a null id (for failures before any request was read).</summary>
    public static RpcDispatchResult Reject(RpcError error, int httpStatus, int limit)
    {
        var output = new BoundedBufferWriter(limit);
        WriteError(output, default, error);
        return new RpcDispatchResult(output, httpStatus, null);
    }

    private async ValueTask<(int Code, TimeSpan? RetryAfter)> DispatchIntoAsync(ReadOnlyMemory<byte> body, RpcCallOrigin origin, BoundedBufferWriter output, CancellationToken cancellationToken)
    {
        if (Scan(body.Span) is { } malformed)
        {
            Charge(origin, 1, out _);
            _metrics.Record(RpcMetrics.NoMethod, malformed.Reason, TimeSpan.Zero);
            WriteError(output, default, malformed);
            return (StatusCodes.Ok, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, _documentOptions);
        }
        catch (JsonException e)
        {
            var error = ParseError(e);
            _metrics.Record(RpcMetrics.NoMethod, error.Reason, TimeSpan.Zero);
            WriteError(output, default, error);
            return (StatusCodes.Ok, null);
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => await DispatchBatchAsync(root, origin, output, cancellationToken).ConfigureAwait(false),
                JsonValueKind.Object => await DispatchSingleAsync(root, origin, output, cancellationToken).ConfigureAwait(false),
                _ => Refuse(output, new RpcError(
                    RpcErrorCodes.InvalidRequest,
                    RpcErrorReasons.InvalidRequest,
                    "a request must be a JSON object {\"jsonrpc\":\"2.0\",\"method\":...,\"params\":...,\"id\":...} or a non-empty array of them")),
            };
        }
    }

    private async ValueTask<(int, TimeSpan?)> DispatchSingleAsync(JsonElement request, RpcCallOrigin origin, BoundedBufferWriter output, CancellationToken cancellationToken)
    {
        if (!Charge(origin, 1, out var retryAfter))
        {
            WriteRateLimited(output, [request], batch: false, retryAfter);
            return (StatusCodes.TooManyRequests, retryAfter);
        }

        var call = await CallAsync(request, origin, cancellationToken).ConfigureAwait(false);
        if (call.Respond)
        {
            Finish(output, call);
        }
        else
        {
            Record(call, call.Error?.Reason ?? RpcMetrics.Ok);
        }

        return (output.WrittenCount == 0 ? StatusCodes.NoContent : StatusCodes.Ok, null);
    }

    private async ValueTask<(int, TimeSpan?)> DispatchBatchAsync(JsonElement batch, RpcCallOrigin origin, BoundedBufferWriter output, CancellationToken cancellationToken)
    {
        var count = batch.GetArrayLength();
        if (count == 0)
        {
            return Refuse(output, new RpcError(
                RpcErrorCodes.InvalidRequest, RpcErrorReasons.InvalidRequest, "the batch is empty; send at least one request object in the array"));
        }

        if (count > _options.MaxBatchSize)
        {
            return Refuse(output, new RpcError(
                RpcErrorCodes.BatchTooLarge,
                RpcErrorReasons.BatchTooLarge,
                $"the batch has {count} requests; the limit is {_options.MaxBatchSize}: split it into smaller batches",
                new JsonObject { ["limit"] = _options.MaxBatchSize }));
        }

        if (!Charge(origin, count, out var retryAfter))
        {
            WriteRateLimited(output, batch.EnumerateArray(), batch: true, retryAfter);
            return (StatusCodes.TooManyRequests, retryAfter);
        }

        var any = false;
        foreach (var request in batch.EnumerateArray())
        {
            var call = await CallAsync(request, origin, cancellationToken).ConfigureAwait(false);
            if (!call.Respond)
            {
                Record(call, call.Error?.Reason ?? RpcMetrics.Ok);
                continue;
            }

            output.Limit = int.MaxValue;
            output.Write(any ? ","u8 : "["u8);
            any = true;
            Finish(output, call);
        }

        if (any)
        {
            output.Limit = int.MaxValue;
            output.Write("]"u8);
        }

        // A batch of notifications only gets no response at all (JSON-RPC 2.0, section 6).
        return (any ? StatusCodes.Ok : StatusCodes.NoContent, null);
    }

    /// <summary>Runs one request object up to, not including, writing its response.</summary>
    private async ValueTask<Call> CallAsync(JsonElement request, RpcCallOrigin origin, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        if (request.ValueKind != JsonValueKind.Object)
        {
            return Call.Failed(true, default, RpcMetrics.InvalidMethod, started, InvalidRequest("each element of a batch must be a request object"));
        }

        var hasId = request.TryGetProperty("id", out var id);
        if (hasId && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
        {
            return Call.Failed(true, default, RpcMetrics.InvalidMethod, started, InvalidRequest("id must be a string, a number or null (or absent for a notification)"));
        }

        if (!request.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"))
        {
            return Call.Failed(true, id, RpcMetrics.InvalidMethod, started, InvalidRequest("jsonrpc must be the string \"2.0\"; this server speaks JSON-RPC 2.0 only"));
        }

        if (!request.TryGetProperty("method", out var methodElement) || methodElement.ValueKind != JsonValueKind.String)
        {
            return Call.Failed(true, id, RpcMetrics.InvalidMethod, started, InvalidRequest("method must be a string naming the method to call (rpc.discover lists them)"));
        }

        var hasParams = request.TryGetProperty("params", out var parameters);
        if (hasParams && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return Call.Failed(true, id, RpcMetrics.InvalidMethod, started, InvalidRequest("params must be an object (by name) or an array (by position), or be left out"));
        }

        var respond = hasId;
        var name = methodElement.GetString()!;
        if (!TryFind(name, out var method))
        {
            return Call.Failed(respond, id, RpcMetrics.UnknownMethod, started, MethodNotFound(name));
        }

        if (method.WebSocketOnly && origin.Transport != RpcTransport.WebSocket)
        {
            return Call.Failed(respond, id, method.Name, started, BuiltInMethods.WebSocketOnlyError(method.Name).Error);
        }

        if (_options.ReadOnly && method.Access == RpcAccess.Write)
        {
            return Call.Failed(respond, id, method.Name, started, new RpcError(
                RpcErrorCodes.ReadOnly,
                RpcErrorReasons.ReadOnly,
                "this is a read-only audit node; send transactions to a validator or full node",
                new JsonObject { ["method"] = method.Name }));
        }

        using var timeout = new CancellationTokenSource(_options.MethodTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var context = new RpcContext(origin.CorrelationId, origin.RemoteAddress, origin.Transport, !hasId, origin.Session, linked.Token);
        try
        {
            var result = await method.InvokeAsync(hasParams ? parameters : default, context).ConfigureAwait(false);
            return new Call(respond, id, method.Name, started, result, null) { CorrelationId = origin.CorrelationId };
        }
        catch (RpcException e)
        {
            return Call.Failed(respond, id, method.Name, started, e.Error);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Call.Failed(respond, id, method.Name, started, new RpcError(
                RpcErrorCodes.Timeout,
                RpcErrorReasons.Timeout,
                $"{method.Name} did not finish within {_options.MethodTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; ask for less or retry later"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Call.Failed(respond, id, method.Name, started, new RpcError(
                RpcErrorCodes.Unavailable, RpcErrorReasons.Unavailable, "the call was cancelled because the connection closed or the node is stopping; retry"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Call.Failed(respond, id, method.Name, started, Internal(e, method.Name, origin.CorrelationId));
        }
    }

    /// <summary>Writes a call's response, falling back to an error if its result is too large or fails to serialize.</summary>
    private void Finish(BoundedBufferWriter output, Call call)
    {
        var error = call.Error;
        if (call.Result is { } result)
        {
            var start = output.WrittenCount;
            output.Limit = _options.MaxResponseBytes;
            try
            {
                var writer = new Utf8JsonWriter(output);
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                WriteId(writer, call.Id);
                writer.WritePropertyName("result");
                result(writer);
                writer.WriteEndObject();
                writer.Flush();
                Record(call, RpcMetrics.Ok);
                return;
            }
            catch (BufferLimitExceededException)
            {
                output.Truncate(start);
                error = new RpcError(
                    RpcErrorCodes.ResponseTooLarge,
                    RpcErrorReasons.ResponseTooLarge,
                    $"the result of {call.Method} is larger than the {_options.MaxResponseBytes}-byte response limit; ask for less (a smaller range or page) or split the batch",
                    new JsonObject { ["limit"] = _options.MaxResponseBytes });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                output.Truncate(start);
                error = Internal(e, call.Method, call.CorrelationId);
            }
        }

        WriteError(output, call.Id, error!);
        Record(call, error!.Reason);
    }

    private void Record(Call call, string outcome) => _metrics.Record(call.Method, outcome, _time.GetElapsedTime(call.Started));

    private bool Charge(RpcCallOrigin origin, int requests, out TimeSpan retryAfter) =>
        _limiter.TryAcquire(origin.RemoteAddress, requests, out retryAfter);

    private void WriteRateLimited(BoundedBufferWriter output, IEnumerable<JsonElement> requests, bool batch, TimeSpan retryAfter)
    {
        var retryMs = (long)Math.Ceiling(retryAfter.TotalMilliseconds);
        var error = new RpcError(
            RpcErrorCodes.RateLimited,
            RpcErrorReasons.RateLimited,
            $"too many requests from this address (limit {_options.RequestsPerSecondPerClient.ToString(CultureInfo.InvariantCulture)} per second, burst {_options.RequestBurstPerClient}); retry in {retryMs} ms",
            new JsonObject { ["retryAfterMs"] = retryMs });
        var list = requests.ToList();
        var responses = list.Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("id", out _)).ToList();
        _metrics.Record(RpcMetrics.NoMethod, RpcErrorReasons.RateLimited, TimeSpan.Zero);

        // Notifications get no answer even when refused: the HTTP status and Retry-After say it.
        if (responses.Count == 0)
        {
            return;
        }

        if (!batch)
        {
            WriteError(output, responses[0].GetProperty("id"), error);
            return;
        }

        for (var i = 0; i < responses.Count; i++)
        {
            output.Write(i == 0 ? "["u8 : ","u8);
            WriteError(output, responses[i].GetProperty("id"), error);
        }

        output.Write("]"u8);
    }

    private (int, TimeSpan?) Refuse(BoundedBufferWriter output, RpcError error)
    {
        _metrics.Record(RpcMetrics.NoMethod, error.Reason, TimeSpan.Zero);
        WriteError(output, default, error);
        return (StatusCodes.Ok, null);
    }

    private static void WriteError(BoundedBufferWriter output, JsonElement id, RpcError error)
    {
        // Errors are small and bounded (client input is echoed truncated), so they are never cut.
        output.Limit = int.MaxValue;
        var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        WriteId(writer, id);
        writer.WritePropertyName("error");
        error.WriteTo(writer);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteId(Utf8JsonWriter writer, JsonElement id)
    {
        writer.WritePropertyName("id");
        if (id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            id.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private bool TryFind(string name, out RpcMethod method)
    {
        if (_builtIns.TryGetValue(name, out var builtIn) || _registry.TryGet(name, out builtIn))
        {
            method = builtIn;
            return true;
        }

        method = null!;
        return false;
    }

    private RpcError MethodNotFound(string name)
    {
        var known = _builtIns.Keys.Concat(_registry.Methods.Select(m => m.Name));
        var suggestion = NameSuggester.Suggest(name, known);
        var echoed = name.Length <= MaxEchoedMethodChars ? name : string.Concat(name.AsSpan(0, MaxEchoedMethodChars), "…");
        var hint = suggestion is null ? "rpc.discover lists every method" : $"did you mean \"{suggestion}\"? rpc.discover lists every method";
        var details = suggestion is null ? null : new JsonObject { ["suggestion"] = suggestion };
        return new RpcError(RpcErrorCodes.MethodNotFound, RpcErrorReasons.MethodNotFound, $"method \"{echoed}\" does not exist; {hint}", details);
    }

    private RpcError Internal(Exception e, string method, string correlationId)
    {
        _logger.LogError(e, "RPC method {Method} failed (correlation id {CorrelationId})", method, correlationId);
        return new RpcError(
            RpcErrorCodes.InternalError,
            RpcErrorReasons.InternalError,
            $"internal error in {method}; the node logged it with correlation id {correlationId}",
            new JsonObject { ["correlationId"] = correlationId });
    }

    /// <summary>Checks syntax and depth in one streaming pass; null when the body is well-formed.</summary>
    private RpcError? Scan(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new RpcError(RpcErrorCodes.ParseError, RpcErrorReasons.ParseError, "the body is empty; send a JSON-RPC 2.0 request object or a batch array");
        }

        // One level of headroom so that the reader itself never throws for depth: this loop reports it instead.
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = _options.MaxJsonDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= _options.MaxJsonDepth)
                {
                    return new RpcError(
                        RpcErrorCodes.JsonTooDeep,
                        RpcErrorReasons.JsonTooDeep,
                        $"the JSON nests deeper than {_options.MaxJsonDepth} levels; flatten the parameters",
                        new JsonObject { ["limit"] = _options.MaxJsonDepth });
                }
            }
        }
        catch (JsonException e)
        {
            return ParseError(e);
        }

        return null;
    }

    private static RpcError ParseError(JsonException e) =>
        new(RpcErrorCodes.ParseError, RpcErrorReasons.ParseError, $"the body is not valid JSON: {CompiledSchema.Truncate(e.Message.Replace('\n', ' '), 200)}");

    private static RpcError InvalidRequest(string message) => new(RpcErrorCodes.InvalidRequest, RpcErrorReasons.InvalidRequest, message);

    /// <summary>One request's fate before its response is written.</summary>
    private readonly record struct Call(bool Respond, JsonElement Id, string Method, long Started, RpcResultWriter? Result, RpcError? Error)
    {
        public string CorrelationId { get; init; } = string.Empty;

        public static Call Failed(bool respond, JsonElement id, string method, long started, RpcError error) => new(respond, id, method, started, null, error);
    }

    private static class StatusCodes
    {
        public const int Ok = 200;
        public const int NoContent = 204;
        public const int TooManyRequests = 429;
    }
}
