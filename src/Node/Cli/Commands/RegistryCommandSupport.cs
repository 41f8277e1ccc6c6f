using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.Node.Keys;
using DaiChain.Node.RpcClient;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// What the registry commands (<c>model</c>, <c>dataset</c>, <c>contribution</c>, <c>receipts</c>) share: the node's URL,
/// the signing key, building and submitting a registry transaction (chain id from <c>node_status</c>, nonce from
/// <c>account_get</c>, <c>tx_submit</c>), artifact upload, and argument parsing.
/// </summary>
internal static class RegistryCommandSupport
{
    public static readonly OptionSpec RpcOption = new("rpc", "URL", "the node's JSON-RPC URL (default http://127.0.0.1:8645/)");
    public static readonly OptionSpec KeyOption = new("key", "FILE", "the key file that signs the transaction", Required: true);
    public static readonly OptionSpec NonceOption = new("nonce", "N", "the nonce to use (default: the account's next nonce at the node)");
    public static readonly OptionSpec WaitOption = new("wait", null, "wait until the transaction commits and print its receipt");
    public static readonly OptionSpec JsonOption = new("json", null, "print the node's JSON answer instead of a summary");

    /// <summary>The options every transaction-submitting command takes, after its own.</summary>
    public static IReadOnlyList<OptionSpec> SubmitOptions => [KeyOption, PasswordInput.EnvironmentOption, NonceOption, WaitOption, RpcOption];

    public static Uri Endpoint(CommandInput input)
    {
        var text = input.Option(RpcOption.Name) ?? "http://127.0.0.1:8645/";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--rpc '{text}' is not an http:// URL");
    }

    public static JsonRpcClient Client(CommandInput input) => new(Endpoint(input), TimeSpan.FromSeconds(120));

    /// <summary>Calls a method; a node error or an unreachable node becomes a <see cref="CommandException"/> with the node's sentence.</summary>
    public static JsonNode? Call(JsonRpcClient client, string method, JsonObject? parameters = null)
    {
        try
        {
            return client.CallAsync(method, parameters).GetAwaiter().GetResult();
        }
        catch (JsonRpcCallException e)
        {
            var code = e.Data is JsonObject data && data["code"] is JsonValue c ? $" [{c}]" : string.Empty;
            throw new CommandException($"{method}: {e.Message} ({e.Reason}{code})", e);
        }
        catch (HttpRequestException e)
        {
            throw new CommandException(e.Message, e);
        }
    }

    public static PrivateKey LoadKey(CommandInput input, CliConsole console) => Load(input, console, KeyOption);

    /// <summary>Decrypts the key file named by <paramref name="option"/>, with the password from <c>--password-env</c> or a prompt.</summary>
    public static PrivateKey Load(CommandInput input, CliConsole console, OptionSpec option)
    {
        var path = input.Option(option.Name)!;
        var password = PasswordInput.Read(input, console, confirm: false);
        try
        {
            return KeyStore.Load(path, password);
        }
        catch (KeyStoreException e)
        {
            throw new CommandException($"{path}: {e.Message}", e);
        }
        finally
        {
            Array.Clear(password);
        }
    }

    public static string ChainId(JsonRpcClient client) =>
        ((JsonObject)Call(client, "node_status")!)["chainId"]?.GetValue<string>() ?? throw new CommandException("node_status did not say the chain id");

    /// <summary>Signs <paramref name="payload"/> as the key's next transaction and submits it; prints the outcome.</summary>
    /// <returns>The exit code: failure when the transaction committed with an error.</returns>
    public static int Submit<TPayload>(JsonRpcClient client, CommandInput input, CliConsole console, PrivateKey key, TPayload payload, out Hash256 transactionHash)
        where TPayload : ICanonicalEncodable<TPayload>
    {
        var chainId = ChainId(client);
        ulong nonce;
        if (input.Option(NonceOption.Name) is { } nonceText)
        {
            nonce = ulong.TryParse(nonceText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--nonce '{nonceText}' must be a whole number");
        }
        else
        {
            var account = (JsonObject)Call(client, "account_get", new JsonObject { ["address"] = key.Address.ToString() })!;
            nonce = account["nonce"]!.GetValue<ulong>();
        }

        var signed = RegistryTransactions.Create(chainId, nonce, payload).Sign(new InMemorySigner(key));
        transactionHash = signed.Hash;
        var wait = input.Has(WaitOption.Name);
        var result = (JsonObject)Call(client, "tx_submit", new JsonObject { ["tx"] = "0x" + Hex.Encode(signed.Encoded), ["wait"] = wait })!;
        console.Out.WriteLine($"transaction: {result["hash"]}");
        console.Out.WriteLine($"sender:      {key.Address} (nonce {nonce})");
        if (!wait)
        {
            console.Out.WriteLine("status:      pending (pass --wait to wait for the commit)");
            return ExitCodes.Success;
        }

        var success = result["success"]?.GetValue<bool>() ?? false;
        console.Out.WriteLine(success
            ? $"committed:   height {result["height"]}, index {result["index"]}"
            : $"failed:      {result["code"]}: {result["message"]} (height {result["height"]})");
        return success ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The SHA-256 and size of a file, streamed.</summary>
    public static (Hash256 Hash, long Size) HashFile(string option, string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return (new Hash256(SHA256.HashData(file)), file.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"--{option} {path}: {e.Message}", e);
        }
    }

    /// <summary>Streams a file to the node's artifact store (<c>PUT /artifacts/{sha256}</c>), which checks the hash before keeping it.</summary>
    public static void Upload(CommandInput input, string path, Hash256 hash, CliConsole console)
    {
        var url = new Uri(Endpoint(input), "/artifacts/" + hash);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        try
        {
            using var file = File.OpenRead(path);
            using var content = new StreamContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentLength = file.Length;
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
            request.Headers.ExpectContinue = true;
            using var response = http.Send(request);
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                var message = TryMessage(body) ?? body;
                throw new CommandException($"uploading {path} to {url} failed: HTTP {(int)response.StatusCode}: {message}");
            }

            console.Out.WriteLine($"uploaded:    {path} ({file.Length} bytes) as 0x{hash}");
        }
        catch (HttpRequestException e)
        {
            throw new CommandException($"cannot upload {path} to {url}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"{path}: {e.Message}", e);
        }
    }

    public static Hash256 ParseHash(string option, string? text) =>
        Hash256.TryParse(text, out var hash) ? hash : throw new UsageException($"--{option} '{text}' is not a hash (0x and 64 hex digits)");

    public static Hash256? OptionalHash(CommandInput input, string option) =>
        input.Option(option) is { } text ? ParseHash(option, text) : null;

    public static Hash256[] ParseHashes(CommandInput input, string option) =>
        [.. Split(input.Option(option)).Select(t => ParseHash(option, t))];

    public static Address ParseAddress(string option, string? text) =>
        Address.TryParse(text, out var address) ? address : throw new UsageException($"--{option} '{text}' is not an address (0x and 40 hex digits)");

    public static Address[] ParseAddresses(CommandInput input, string option) =>
        [.. Split(input.Option(option)).Select(t => ParseAddress(option, t))];

    public static ulong ParseUInt64(CommandInput input, string option, ulong fallback = 0)
    {
        var text = input.Option(option);
        if (text is null)
        {
            return fallback;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new UsageException($"--{option} '{text}' must be a whole number");
    }

    public static string[] Split(string? list) => list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string ReadText(string option, string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"--{option} {path}: {e.Message}", e);
        }
    }

    public static void PrintJson(CliConsole console, JsonNode? node) =>
        console.Out.WriteLine(node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null");

    private static string? TryMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && o["message"] is JsonValue m ? m.GetValue<string>() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
