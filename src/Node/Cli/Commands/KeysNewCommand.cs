using DaiChain.Ledger.Crypto;
using DaiChain.Node.Keys;

namespace DaiChain.Node.Cli.Commands;

/// <summary><c>daichain keys new --out FILE [--password-env VAR]</c>: generates a key and writes it to a new encrypted key file.</summary>
internal sealed class KeysNewCommand : Command
{
    /// <summary>Shortest password accepted for a new key file.</summary>
    public const int MinPasswordLength = 8;

    private static readonly OptionSpec Out = new("out", "FILE", "key file to create (an existing file is never overwritten)", Required: true);

    private readonly KeyStore _keyStore;

    public KeysNewCommand(KeyStore keyStore) => _keyStore = keyStore;

    public override string Name => "new";

    public override string Summary => "generate a key and write it to a new password-encrypted key file";

    public override IReadOnlyList<OptionSpec> Options => [Out, PasswordInput.EnvironmentOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var path = Path.GetFullPath(input.Option(Out.Name)!);
        // Fail before asking for a password; the store checks again, atomically, when it creates the file.
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new CommandException($"key file '{path}' already exists; refusing to overwrite it");
        }

        var password = PasswordInput.Read(input, console, confirm: true);
        try
        {
            if (password.Length < MinPasswordLength)
            {
                throw new CommandException($"the password must be at least {MinPasswordLength} characters");
            }

            using var key = PrivateKey.Generate();
            KeyFile file;
            try
            {
                file = _keyStore.Save(path, key, password);
            }
            catch (KeyStoreException e)
            {
                throw new CommandException(e.Message, e);
            }

            console.Out.WriteLine($"address:    {file.Address}");
            console.Out.WriteLine($"public key: {file.PublicKey}");
            console.Out.WriteLine($"key file:   {path}");
            return ExitCodes.Success;
        }
        finally
        {
            Array.Clear(password);
        }
    }
}
