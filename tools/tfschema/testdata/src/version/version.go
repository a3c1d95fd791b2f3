package version

const Version = "9.8.7"
