/// The release both executables report with `--version`, so a bug report names what ran.
public enum NatterVersion {
    public static let current = "0.5.0-dev"
}
