using DaiChain.Node.Keys;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain keys show FILE [--password-env VAR] [--verify]</c>: prints a key file's address and public key,
/// which are stored in clear. With a password it also decrypts the key and checks that it is the one the file names.
/// </summary>
internal sealed class KeysShowCommand : Command
{
    private static readonly ArgumentSpec FileArgument = new("FILE", "the key file");

    private static readonly OptionSpec VerifyOption = new("verify", null, "decrypt the key to check the password and the file (prompts unless --password-env is given)");

    public override string Name => "show";

    public override string Summary => "print a key file's address and public key (no password needed)";

    public override IReadOnlyList<OptionSpec> Options => [PasswordInput.EnvironmentOption, VerifyOption];

    public override IReadOnlyList<ArgumentSpec> Arguments => [FileArgument];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var path = input.Argument(FileArgument.Name);
        try
        {
            var file = KeyStore.Read(path);
            var verified = false;
            if (input.Has(VerifyOption.Name) || input.Has(PasswordInput.EnvironmentOption.Name))
            {
                var password = PasswordInput.Read(input, console, confirm: false);
                try
                {
                    using var key = KeyStore.Decrypt(file, password);
                    verified = true;
                }
                finally
                {
                    Array.Clear(password);
                }
            }

            console.Out.WriteLine($"address:    {file.Address}");
            console.Out.WriteLine($"public key: {file.PublicKey}");
            console.Out.WriteLine($"kdf:        {KeyFile.Pbkdf2Sha256}, {file.Iterations} iterations");
            console.Out.WriteLine($"cipher:     {KeyFile.Aes256Gcm}");
            if (verified)
            {
                console.Out.WriteLine("password:   ok (the decrypted key matches the address)");
            }

            return ExitCodes.Success;
        }
        catch (KeyStoreException e)
        {
            throw new CommandException(e.Message, e);
        }
    }
}
