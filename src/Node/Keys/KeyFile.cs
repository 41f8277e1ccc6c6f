using System.Text.Json;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Node.Keys;

/// <summary>
/// The contents of an encrypted key file (docs/spec/keyfile.md): the address and public key in clear, the KDF
/// parameters, and the AES-256-GCM encryption of the 32-byte secret.
/// </summary>
/// <remarks>
/// <see cref="Decode"/> is strict: a missing, mistyped, duplicated or unknown field, an unsupported version, KDF or
/// cipher, or an address that is not the public key's is a <see cref="KeyStoreException"/> naming the problem.
/// The version is checked before anything else so that a newer file is reported as such, not as malformed.
/// </remarks>
internal sealed class KeyFile
{
    public const int CurrentVersion = 1;
    public const string Pbkdf2Sha256 = "pbkdf2-sha256";
    public const string Aes256Gcm = "aes-256-gcm";
    public const int SaltSize = 16;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>Largest accepted PBKDF2 iteration count; bounds the work a crafted file can demand.</summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>Smallest accepted PBKDF2 iteration count (tests write files this cheap; the CLI writes 600,000).</summary>
    public const int MinIterations = 1_000;

    private static readonly string[] FieldNames = ["version", "address", "publicKey", "kdf", "iterations", "salt", "cipher", "nonce", "ciphertext", "tag"];

    public KeyFile(PublicKey publicKey, int iterations, byte[] salt, byte[] nonce, byte[] ciphertext, byte[] tag)
    {
        PublicKey = publicKey;
        Iterations = iterations;
        Salt = salt;
        Nonce = nonce;
        Ciphertext = ciphertext;
        Tag = tag;
    }

    public PublicKey PublicKey { get; }

    public Address Address => PublicKey.Address;

    public int Iterations { get; }

    public byte[] Salt { get; }

    public byte[] Nonce { get; }

    public byte[] Ciphertext { get; }

    public byte[] Tag { get; }

    /// <summary>Parses and validates a key file's JSON.</summary>
    /// <exception cref="KeyStoreException">The file is not a valid version-1 key file; the message says why.</exception>
    public static KeyFile Decode(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            throw new KeyStoreException($"key file is not valid JSON (line {(e.LineNumber ?? 0) + 1})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new KeyStoreException("key file is not a JSON object");
            }

            var fields = CollectFields(root);
            var version = Integer(fields, "version");
            if (version != CurrentVersion)
            {
                throw new KeyStoreException($"unsupported key file version {version}");
            }

            var kdf = Text(fields, "kdf");
            if (kdf != Pbkdf2Sha256)
            {
                throw new KeyStoreException($"unsupported kdf '{Truncate(kdf)}' (expected '{Pbkdf2Sha256}')");
            }

            var cipher = Text(fields, "cipher");
            if (cipher != Aes256Gcm)
            {
                throw new KeyStoreException($"unsupported cipher '{Truncate(cipher)}' (expected '{Aes256Gcm}')");
            }

            var iterations = Integer(fields, "iterations");
            if (iterations is < MinIterations or > MaxIterations)
            {
                throw new KeyStoreException($"field 'iterations' must be between {MinIterations} and {MaxIterations}, got {iterations}");
            }

            if (!PublicKey.TryParse(HexField(fields, "publicKey", PublicKey.CompressedSize), out var publicKey))
            {
                throw new KeyStoreException("field 'publicKey' is not a valid secp256k1 public key");
            }

            if (!Address.TryParse(Text(fields, "address"), out var address))
            {
                throw new KeyStoreException("field 'address' must be 0x and 40 hex digits");
            }

            if (address != publicKey.Address)
            {
                throw new KeyStoreException("field 'address' does not match field 'publicKey'");
            }

            return new KeyFile(
                publicKey,
                (int)iterations,
                HexField(fields, "salt", SaltSize),
                HexField(fields, "nonce", NonceSize),
                HexField(fields, "ciphertext", PrivateKey.Size),
                HexField(fields, "tag", TagSize));
        }
    }

    /// <summary>The file's JSON, indented, fields in a fixed order.</summary>
    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", CurrentVersion);
            writer.WriteString("address", Address.ToString());
            writer.WriteString("publicKey", PublicKey.ToString());
            writer.WriteString("kdf", Pbkdf2Sha256);
            writer.WriteNumber("iterations", Iterations);
            writer.WriteString("salt", Hex.Encode(Salt));
            writer.WriteString("cipher", Aes256Gcm);
            writer.WriteString("nonce", Hex.Encode(Nonce));
            writer.WriteString("ciphertext", Hex.Encode(Ciphertext));
            writer.WriteString("tag", Hex.Encode(Tag));
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static Dictionary<string, JsonElement> CollectFields(JsonElement root)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (Array.IndexOf(FieldNames, property.Name) < 0)
            {
                throw new KeyStoreException($"unknown field '{Truncate(property.Name)}'");
            }

            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new KeyStoreException($"field '{property.Name}' appears twice");
            }
        }

        return fields;
    }

    private static JsonElement Field(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : throw new KeyStoreException($"field '{name}' is missing");

    private static long Integer(Dictionary<string, JsonElement> fields, string name)
    {
        var value = Field(fields, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new KeyStoreException($"field '{name}' must be an integer");
    }

    private static string Text(Dictionary<string, JsonElement> fields, string name)
    {
        var value = Field(fields, name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new KeyStoreException($"field '{name}' must be a string");
    }

    private static byte[] HexField(Dictionary<string, JsonElement> fields, string name, int size) =>
        Hex.TryDecode(Text(fields, name), out var bytes) && bytes.Length == size
            ? bytes
            : throw new KeyStoreException($"field '{name}' must be {size} bytes of hex ({size * 2} digits)");

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
