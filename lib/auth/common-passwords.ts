// The most used passwords from public breach lists (plus local favourites): refused at registration and change (ASVS 6.2.4).
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  "123456 123456789 12345678 password qwerty123 qwerty 1234567890 1234567 12345 123123 111111 abc123 password1 iloveyou 000000 qwertyuiop 123321 654321 666666 121212 7777777 987654321 1q2w3e4r 1q2w3e4r5t zaq12wsx dragon sunshine princess letmein football monkey shadow master superman michael baseball welcome welcome1 trustno1 passw0rd password123 admin admin123 administrator login starwars whatever hello123 freedom qazwsx asdfghjkl asdfgh 1qaz2wsx charlie jordan23 liverpool chelsea arsenal batman computer internet pokemon cookie flower hottie loveme soccer hockey killer pepper ginger summer2024 summer2025 winter2025 sommer2024 sommer2025 vinter2025 kodeord kodeord1 adgangskode adgangskode1 hemmelig hemmelig1 danmark danmark1 kodeord123 password12 password! qwerty12 abcd1234 aa123456 11111111 88888888 12341234 00000000 22222222 87654321 1234qwer q1w2e3r4 q1w2e3r4t5 zxcvbnm zxcvbnm123 asdf1234 test1234 testtest changeme secret123 123multiservice multiservice".split(
    " ",
  ),
);
