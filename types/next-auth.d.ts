import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    sid: string;
    kind: "customer" | "staff";
  }
  interface Session {
    kind?: "customer" | "staff";
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    kind?: "customer" | "staff";
  }
}
