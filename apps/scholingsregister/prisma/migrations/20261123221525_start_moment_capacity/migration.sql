-- AlterTable
ALTER TABLE "start_moment" ADD COLUMN     "capacity" INTEGER;
