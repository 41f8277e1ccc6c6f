using System.Globalization;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.Node.Keys;
using DaiChain.Node.RpcClient;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain tx transfer --key FILE --to ADDR --amount N [--rpc URL] [--wait] [--nonce N] [--memo TEXT]</c>: builds
/// and signs a transfer with the key file's key (chain id and next nonce read from the node) and submits it.
/// </summary>
internal sealed class TxTransferCommand : Command
{
    private static readonly OptionSpec KeyOption = new("key", "FILE", "the sender's key file", Required: true);
    private static readonly OptionSpec ToOption = new("to", "ADDR", "the recipient: 0x and 40 hex digits", Required: true);
    private static readonly OptionSpec AmountOption = new("amount", "N", "tokens to send (a whole number)", Required: true);
    private static readonly OptionSpec MemoOption = new("memo", "TEXT", "a note stored with the transfer (at most 256 bytes)");
    private static readonly OptionSpec NonceOption = new("nonce", "N", "the nonce to use (default: the account's next nonce at the node)");
    private static readonly OptionSpec WaitOption = new("wait", null, "wait until the transfer commits and print where");

    public override string Name => "transfer";

    public override string Summary => "sign and submit a token transfer";

    public override IReadOnlyList<OptionSpec> Options => [KeyOption, ToOption, AmountOption, MemoOption, NonceOption, WaitOption, RpcCommandSupport.RpcOption, PasswordInput.EnvironmentOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        if (!Address.TryParse(input.Option(ToOption.Name), out var to))
        {
            throw new UsageException($"--to '{input.Option(ToOption.Name)}' is not an address (0x and 40 hex digits)");
        }

        if (!ulong.TryParse(input.Option(AmountOption.Name), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            throw new UsageException($"--amount '{input.Option(AmountOption.Name)}' must be a positive whole number");
        }

        var memo = input.Option(MemoOption.Name) ?? string.Empty;
        if (System.Text.Encoding.UTF8.GetByteCount(memo) > TransferPayload.MaxMemoBytes)
        {
            throw new UsageException($"--memo is longer than {TransferPayload.MaxMemoBytes} bytes");
        }

        var keyPath = input.Option(KeyOption.Name)!;
        var password = PasswordInput.Read(input, console, confirm: false);
        PrivateKey key;
        try
        {
            key = KeyStore.Load(keyPath, password);
        }
        catch (KeyStoreException e)
        {
            throw new CommandException($"{keyPath}: {e.Message}", e);
        }
        finally
        {
            Array.Clear(password);
        }

        using (key)
        {
            using var client = new JsonRpcClient(RpcCommandSupport.Endpoint(input), TimeSpan.FromSeconds(60));
            var status = (JsonObject)RpcCommandSupport.Call(client, "node_status")!;
            var chainId = status["chainId"]!.GetValue<string>();
            ulong nonce;
            if (input.Option(NonceOption.Name) is { } nonceText)
            {
                nonce = ulong.TryParse(nonceText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--nonce '{nonceText}' must be a whole number");
            }
            else
            {
                var account = (JsonObject)RpcCommandSupport.Call(client, "account_get", new JsonObject { ["address"] = key.Address.ToString() })!;
                nonce = account["nonce"]!.GetValue<ulong>();
            }

            var payload = Canonical.Encode(new TransferPayload(to, amount, memo));
            var signed = new Transaction(chainId, nonce, TransactionKinds.Transfer, payload).Sign(new InMemorySigner(key));
            var wait = input.Has(WaitOption.Name);
            var parameters = new JsonObject { ["tx"] = "0x" + Hex.Encode(signed.Encoded), ["wait"] = wait };
            var result = (JsonObject)RpcCommandSupport.Call(client, "tx_submit", parameters)!;
            console.Out.WriteLine($"transaction: {result["hash"]}");
            console.Out.WriteLine($"from:        {key.Address} (nonce {nonce})");
            console.Out.WriteLine($"to:          {to}  amount {amount}");
            if (wait)
            {
                var success = result["success"]?.GetValue<bool>() ?? false;
                console.Out.WriteLine($"committed:   height {result["height"]}, index {result["index"]}, {(success ? "success" : $"failed: {result["code"]}: {result["message"]}")}");
                return success ? ExitCodes.Success : ExitCodes.Failure;
            }

            console.Out.WriteLine("status:      pending (pass --wait to wait for the commit)");
            return ExitCodes.Success;
        }
    }
}
