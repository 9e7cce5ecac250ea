-- AlterEnum
ALTER TYPE "ExceptionKind" ADD VALUE 'UNSTORABLE_DATA';

