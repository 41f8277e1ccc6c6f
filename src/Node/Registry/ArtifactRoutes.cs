using System.Text.Json;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.Node.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Registry;

/// <summary>
/// <c>PUT /artifacts/{sha256}</c> streams an upload into the node's <see cref="ArtifactStore"/> (size-capped; the
/// hash is checked before the file becomes visible) and <c>GET /artifacts/{sha256}</c> streams it back. The hash is
/// 64 hex digits, with or without <c>0x</c>.
/// </summary>
/// <remarks>
/// Answers: <c>201</c> stored (<c>200</c> if already held) with <c>{"hash","sizeBytes","state"}</c>; <c>200</c> and the bytes
/// (<c>application/octet-stream</c>); errors as <c>{"reason","message"}</c>: <c>400 bad_hash</c>, <c>403 read_only</c> (audit
/// nodes refuse uploads), <c>403 private_dataset</c> (GET and PUT of a hash the committed registry state names as a private
/// dataset, see <see cref="PrivateDatasetGuard"/>), <c>404 not_held</c>, <c>410 erased</c> (with <c>erasureReason</c> on GET; an upload of an erased
/// artifact is refused until the operator lifts the erasure), <c>413 too_large</c>, <c>422 hash_mismatch</c>,
/// <c>507 quota_exceeded</c> (the store's total quota, <c>storage.max_artifact_store_bytes</c>). Uploads are not
/// authenticated: the size cap bounds each one and the quota all of them; expose the node through a proxy that
/// authenticates when it is reachable beyond the consortium.
/// </remarks>
public static class ArtifactRoutes
{
    public const string Prefix = "/artifacts/";

    /// <param name="store">The node's artifact store.</param>
    /// <param name="readOnly">An audit node: uploads are refused.</param>
    /// <param name="logger">Logs stored artifacts.</param>
    /// <param name="privateDatasets">Refuses private datasets' hashes; null only where no chain is at hand (tests of the store alone).</param>
    public static IReadOnlyList<HttpRoute> Create(ArtifactStore store, bool readOnly, ILogger logger, PrivateDatasetGuard? privateDatasets = null) =>
    [
        new HttpRoute("PUT", Prefix, http => PutAsync(http, store, readOnly, logger, privateDatasets)),
        new HttpRoute("GET", Prefix, http => GetAsync(http, store, privateDatasets)),
    ];

    private static async Task PutAsync(HttpContext http, ArtifactStore store, bool readOnly, ILogger logger, PrivateDatasetGuard? privateDatasets)
    {
        if (!TryParse(http, out var hash))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "bad_hash", "the path must be /artifacts/ followed by the artifact's SHA-256 (64 hex digits)").ConfigureAwait(false);
            return;
        }

        if (privateDatasets?.IsPrivate(hash) == true)
        {
            await ProblemAsync(http, StatusCodes.Status403Forbidden, PrivateDatasetGuard.Code, PrivateDatasetGuard.Refusal(hash)).ConfigureAwait(false);
            return;
        }

        if (readOnly)
        {
            await ProblemAsync(http, StatusCodes.Status403Forbidden, "read_only", "this is a read-only audit node; upload artifacts to a validator or full node").ConfigureAwait(false);
            return;
        }

        if (http.Request.ContentLength > store.MaxArtifactBytes)
        {
            await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "too_large", $"artifacts are at most {store.MaxArtifactBytes} bytes on this node").ConfigureAwait(false);
            return;
        }

        if (http.Request.ContentLength is { } declared && !store.Contains(hash) && declared > store.RoomLeft())
        {
            await ProblemAsync(http, StatusCodes.Status507InsufficientStorage, "quota_exceeded", $"the artifact store has {store.RoomLeft()} bytes left under its quota of {store.MaxTotalBytes} (storage.max_artifact_store_bytes); this upload declares {declared}").ConfigureAwait(false);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // The store enforces the cap while streaming; Kestrel's JSON-RPC body limit must not cut the upload first.
            limit.MaxRequestBodySize = store.MaxArtifactBytes + 1;
        }

        var existed = store.Contains(hash);
        try
        {
            var info = await store.PutAsync(hash, http.Request.Body, http.RequestAborted).ConfigureAwait(false);
            http.Response.StatusCode = existed ? StatusCodes.Status200OK : StatusCodes.Status201Created;
            await WriteJsonAsync(http, writer =>
            {
                writer.WriteString("hash", "0x" + hash);
                writer.WriteNumber("sizeBytes", info.SizeBytes);
                writer.WriteString("state", "held");
            }).ConfigureAwait(false);
            logger.LogInformation("Stored artifact {Hash} ({Bytes} bytes)", hash, info.SizeBytes);
        }
        catch (ArtifactStoreException e)
        {
            var status = e.Code switch
            {
                "too_large" => StatusCodes.Status413PayloadTooLarge,
                "hash_mismatch" => StatusCodes.Status422UnprocessableEntity,
                "quota_exceeded" => StatusCodes.Status507InsufficientStorage,
                "erased" => StatusCodes.Status410Gone,
                _ => StatusCodes.Status400BadRequest,
            };
            await ProblemAsync(http, status, e.Code, e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "too_large", $"artifacts are at most {store.MaxArtifactBytes} bytes on this node").ConfigureAwait(false);
        }
    }

    private static async Task GetAsync(HttpContext http, ArtifactStore store, PrivateDatasetGuard? privateDatasets)
    {
        if (!TryParse(http, out var hash))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "bad_hash", "the path must be /artifacts/ followed by the artifact's SHA-256 (64 hex digits)").ConfigureAwait(false);
            return;
        }

        // Whether or not the bytes are on disk (uploaded before the registration committed): never served.
        if (privateDatasets?.IsPrivate(hash) == true)
        {
            await ProblemAsync(http, StatusCodes.Status403Forbidden, PrivateDatasetGuard.Code, PrivateDatasetGuard.Refusal(hash)).ConfigureAwait(false);
            return;
        }

        var stream = store.OpenRead(hash);
        if (stream is null)
        {
            var info = store.GetInfo(hash);
            if (info.State == ArtifactState.Erased)
            {
                http.Response.StatusCode = StatusCodes.Status410Gone;
                await WriteJsonAsync(http, writer =>
                {
                    writer.WriteString("reason", "erased");
                    writer.WriteString("message", $"this node erased artifact 0x{hash} at the operator's request; the chain still names it");
                    writer.WriteString("erasureReason", info.ErasureReason);
                }).ConfigureAwait(false);
                return;
            }

            await ProblemAsync(http, StatusCodes.Status404NotFound, "not_held", $"this node does not hold artifact 0x{hash}").ConfigureAwait(false);
            return;
        }

        await using (stream.ConfigureAwait(false))
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/octet-stream";
            http.Response.ContentLength = stream.Length;
            http.Response.Headers.ETag = $"\"{hash}\"";
            await stream.CopyToAsync(http.Response.Body, 81_920, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static bool TryParse(HttpContext http, out Hash256 hash)
    {
        var text = (http.Request.Path.Value ?? string.Empty)[Prefix.Length..];
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        hash = default;
        return text.Length == 64 && Hash256.TryParse(text, out hash);
    }

    private static Task ProblemAsync(HttpContext http, int status, string reason, string message)
    {
        http.Response.StatusCode = status;
        return WriteJsonAsync(http, writer =>
        {
            writer.WriteString("reason", reason);
            writer.WriteString("message", message);
        });
    }

    private static async Task WriteJsonAsync(HttpContext http, Action<Utf8JsonWriter> body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted).ConfigureAwait(false);
    }
}
